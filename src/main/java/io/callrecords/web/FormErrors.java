package io.callrecords.web;

import io.callrecords.shared.ValidationException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The API's validation messages by the form field they belong to: forms name their fields as the API does, so a
 * message goes next to the field of its name; one of a field the form does not have goes under "" (shown above it).
 */
final class FormErrors {

    private FormErrors() {}

    static Map<String, List<String>> of(ValidationException e, Set<String> fields) {
        Map<String, List<String>> byField = new LinkedHashMap<>();
        e.errors().forEach((field, messages) -> byField.computeIfAbsent(fields.contains(field) ? field : "",
                f -> new ArrayList<>()).addAll(messages));
        return byField;
    }

    /** A form-wide message (a refusal that no one field stands for). */
    static Map<String, List<String>> general(String message) {
        return Map.of("", List.of(message));
    }
}
