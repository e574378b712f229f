package io.callrecords.web;

import io.callrecords.shared.ValidationException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;

/**
 * The API's validation messages by the form field they belong to, for the page to show next to that field; a
 * message of a field the form does not have goes under "" (shown above the form).
 */
final class FormErrors {

    private FormErrors() {}

    /** For forms that name their fields as the API does. */
    static Map<String, List<String>> of(ValidationException e, Set<String> fields) {
        return of(e, field -> fields.contains(field) ? field : "");
    }

    /**
     * For forms whose fields the API knows by other names: {@code fieldOf} maps an API parameter to its field. A
     * cursor the API refuses is a page link that went stale (made for another order, or edited): said as such.
     */
    static Map<String, List<String>> of(ValidationException e, UnaryOperator<String> fieldOf) {
        return byMessage(e, (parameter, message) -> fieldOf.apply(parameter));
    }

    /**
     * For forms where the field depends on the message too: a bracket filter's problem is keyed by its field
     * ({@code started_at}) and its message names the operator ({@code started_at[lt]: ...}).
     */
    static Map<String, List<String>> byMessage(ValidationException e, BinaryOperator<String> fieldOf) {
        Map<String, List<String>> byField = new LinkedHashMap<>();
        e.errors().forEach((parameter, messages) -> {
            List<String> said = parameter.equals("cursor") ? List.of(STALE_PAGE_LINK) : messages;
            said.forEach(message -> byField.computeIfAbsent(fieldOf.apply(parameter, message),
                    f -> new ArrayList<>()).add(message));
        });
        return byField;
    }

    static final String STALE_PAGE_LINK = "This link to a further page no longer fits these filters: start again from"
            + " the first page.";

    /** A form-wide message (a refusal that no one field stands for). */
    static Map<String, List<String>> general(String message) {
        return Map.of("", List.of(message));
    }
}
