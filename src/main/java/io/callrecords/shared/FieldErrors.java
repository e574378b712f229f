package io.callrecords.shared;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Collects every problem of a request before answering, so a client fixes them all at once. */
public final class FieldErrors {

    private final Map<String, List<String>> errors = new LinkedHashMap<>();

    public void add(String field, String message) {
        errors.computeIfAbsent(field, f -> new ArrayList<>()).add(message);
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    /** What was collected, by field, in the order first reported. */
    public Map<String, List<String>> asMap() {
        return Collections.unmodifiableMap(errors);
    }

    /** Throws a {@link ValidationException} when anything was collected. */
    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }
}
