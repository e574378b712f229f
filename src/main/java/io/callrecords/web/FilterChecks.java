package io.callrecords.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A page's filters checked in the words of the people who use the page, before the API sees them: each problem is
 * said next to its field, naming what was typed and what the field takes ("'inbund' is not a direction: choose
 * inbound, outbound or internal."), rather than the API's wording, which names its parameters. The API still checks
 * everything again; its messages only show for what these checks do not cover.
 */
final class FilterChecks {

    private final Function<String, String> typed;
    private final Map<String, List<String>> problems = new LinkedHashMap<>();

    /** @param typed a field's value as sent ("" when blank) */
    FilterChecks(Function<String, String> typed) {
        this.typed = typed;
    }

    /** A date of the form's date picker; a browser without one lets people type. */
    FilterChecks date(String field, String label) {
        String value = typed.apply(field);
        if (!value.isEmpty() && parse(value) == null) {
            problem(field, "'" + value + "' is not a date: type the " + label + " as year-month-day, for example "
                    + "2026-03-26.");
        }
        return this;
    }

    /** The last day is not before the first; both are included. */
    FilterChecks order(String fromField, String toField) {
        LocalDate from = parse(typed.apply(fromField));
        LocalDate to = parse(typed.apply(toField));
        if (from != null && to != null && to.isBefore(from)) {
            problem(toField, "The last day, " + to + ", comes before the first day, " + from + ": swap them or pick"
                    + " another day.");
        }
        return this;
    }

    /** One of the choices of a list (value → what the list says). */
    FilterChecks oneOf(String field, String what, Map<String, String> choices) {
        String value = typed.apply(field);
        if (!value.isEmpty() && !choices.containsKey(value)) {
            problem(field, "'" + value + "' is not " + what + ": choose " + or(choices.values()) + ".");
        }
        return this;
    }

    /** Digits of a phone number, with or without spaces, dashes or a leading +. */
    FilterChecks digits(String field) {
        String value = typed.apply(field);
        if (!value.isEmpty() && (!value.matches("[+0-9 ()./-]+") || value.replaceAll("\\D", "").isEmpty())) {
            problem(field, "'" + value + "' is not part of a phone number: type some of its digits, for example 5321"
                    + " or +90532.");
        }
        return this;
    }

    /** A person's id in the directory. */
    FilterChecks id(String field, String what) {
        String value = typed.apply(field);
        if (!value.isEmpty() && !value.matches("[0-9]{1,18}")) {
            problem(field, "'" + value + "' is not " + what + ": type the number shown on their calls, for example 7.");
        }
        return this;
    }

    /** A whole number of seconds in a range. */
    FilterChecks seconds(String field, String what, int min, int max) {
        String value = typed.apply(field);
        if (!value.isEmpty()) {
            int seconds = value.matches("[0-9]{1,9}") ? Integer.parseInt(value) : -1;
            if (seconds < min || seconds > max) {
                problem(field, "'" + value + "' is not " + what + ": type a whole number of seconds from " + min
                        + " to " + max + ".");
            }
        }
        return this;
    }

    /** A problem the caller found itself. */
    FilterChecks problem(String field, String message) {
        problems.computeIfAbsent(field, f -> new ArrayList<>()).add(message);
        return this;
    }

    /** The problems by field; empty when every field can be used. */
    Map<String, List<String>> problems() {
        return problems;
    }

    private static LocalDate parse(String value) {
        try {
            return value.isEmpty() ? null : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String or(Collection<String> choices) {
        List<String> all = List.copyOf(choices);
        if (all.size() == 1) {
            return all.getFirst();
        }
        return all.subList(0, all.size() - 1).stream().collect(Collectors.joining(", ")) + " or " + all.getLast();
    }
}
