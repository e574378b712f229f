package io.callrecords.shared;

import java.util.Map;
import java.util.Set;

/**
 * The query of a list endpoint: {@code limit} (1..100, default 10), {@code offset} (≥ 0, default 0) and an optional
 * {@code q}, matched inside names (any case) and, by its digits, inside phone numbers: each list says where, with
 * {@link #namePattern()} and {@link #digitsPattern()}.
 */
public record ListQuery(int limit, int offset, String q) {

    public static final int MAX_LIMIT = 100;
    private static final Set<String> PARAMETERS = Set.of("limit", "offset", "q");

    /** Reads the query parameters; a 422 names every bad or unknown one. */
    public static ListQuery parse(Map<String, String> parameters) {
        FieldErrors errors = new FieldErrors();
        parameters.keySet().stream()
                .filter(name -> !PARAMETERS.contains(name))
                .sorted()
                .forEach(name -> errors.add(name, "is not a parameter of this list; use limit, offset, q"));
        int limit = whole(parameters.get("limit"), 10, "limit", 1, MAX_LIMIT, errors);
        int offset = whole(parameters.get("offset"), 0, "offset", 0, Integer.MAX_VALUE, errors);
        String q = parameters.get("q");
        errors.throwIfAny();
        return new ListQuery(limit, offset, q == null || q.isBlank() ? null : q.strip());
    }

    /** The ILIKE pattern of {@code q} in names, its wildcards escaped; null without {@code q}. */
    public String namePattern() {
        if (q == null) {
            return null;
        }
        return "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    /** The LIKE pattern of the digits of {@code q} in E.164 numbers, or null when {@code q} has none. */
    public String digitsPattern() {
        if (q == null) {
            return null;
        }
        String digits = q.replaceAll("\\D", "");
        return digits.isEmpty() ? null : "%" + digits + "%";
    }

    private static int whole(String value, int fallback, String name, int min, int max, FieldErrors errors) {
        if (value == null) {
            return fallback;
        }
        long parsed;
        try {
            parsed = Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            errors.add(name, value + " is not a whole number");
            return fallback;
        }
        if (parsed > max) {
            errors.add(name, parsed + " is larger than inclusive maximum " + max);
        } else if (parsed < min) {
            errors.add(name, parsed + " is smaller than inclusive minimum " + min);
        } else {
            return (int) parsed;
        }
        return fallback;
    }
}
