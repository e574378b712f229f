package io.callrecords.shared;

import java.util.List;
import java.util.Map;

/** Answers 422 with {@code {"errors":{"<field>":["msg", ...]}}}; nothing of the request was applied. */
public class ValidationException extends RuntimeException {

    private final Map<String, List<String>> errors;

    public ValidationException(Map<String, List<String>> errors) {
        super("Validation failed: " + errors);
        this.errors = Map.copyOf(errors);
    }

    public static ValidationException of(String field, String message) {
        return new ValidationException(Map.of(field, List.of(message)));
    }

    public Map<String, List<String>> errors() {
        return errors;
    }
}
