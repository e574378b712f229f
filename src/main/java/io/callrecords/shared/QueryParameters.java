package io.callrecords.shared;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.util.MultiValueMap;

/**
 * The query parameters of a list endpoint, taken one by one. Whatever the endpoint does not take is unknown:
 * {@link #finish()} names every unknown and every bad parameter in one 422 (api.md: "reject unknown query
 * parameters of list endpoints with 422 naming them"). A blank value counts as absent, since many clients send
 * {@code q=} for "no search". A bracket filter's problem is keyed by its field, as Hipcall keys it
 * ({@code {"errors": {"started_at": ["started_at[gte]: 'yesterday' is not ..."]}}}), the message naming the
 * parameter with its operator.
 */
public final class QueryParameters {

    /** {@code field[operator]}: the field is the key of its errors. */
    private static final Pattern BRACKET = Pattern.compile("([^\\[\\]]+)\\[([^\\[\\]]*)\\]");

    private final MultiValueMap<String, String> raw;
    private final Set<String> taken = new HashSet<>();
    private final FieldErrors errors = new FieldErrors();

    public QueryParameters(MultiValueMap<String, String> raw) {
        this.raw = raw;
    }

    /** The value of a parameter that may be given once; null when absent. */
    public String single(String name) {
        List<String> values = values(name);
        if (values.size() > 1) {
            error(name, "is given " + values.size() + " times; give it once");
            return null;
        }
        return values.isEmpty() ? null : values.getFirst();
    }

    /** The items of a list parameter: comma-separated, and the parameter may be repeated; null when absent. */
    public List<String> list(String name) {
        List<String> values = values(name);
        if (values.isEmpty()) {
            return null;
        }
        List<String> items = new ArrayList<>();
        for (String value : values) {
            for (String item : value.split(",", -1)) {
                if (item.isBlank()) {
                    error(name, "has an empty item; separate values by single commas (inbound,outbound)");
                } else {
                    items.add(item.strip());
                }
            }
        }
        return items;
    }

    /** A whole number from {@code min} to {@code max}; {@code fallback} when absent or bad. */
    public long whole(String name, long fallback, long min, long max) {
        String value = single(name);
        if (value == null) {
            return fallback;
        }
        long parsed;
        try {
            parsed = Long.parseLong(value);
        } catch (NumberFormatException e) {
            error(name, value + " is not a whole number");
            return fallback;
        }
        if (parsed > max) {
            error(name, parsed + " is larger than inclusive maximum " + max);
        } else if (parsed < min) {
            error(name, parsed + " is smaller than inclusive minimum " + min);
        } else {
            return parsed;
        }
        return fallback;
    }

    public Boolean bool(String name) {
        String value = single(name);
        if (value == null) {
            return null;
        }
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> {
                error(name, "'" + value + "' is not true or false");
                yield null;
            }
        };
    }

    public boolean has(String name) {
        return !values(name).isEmpty();
    }

    public void error(String name, String message) {
        Matcher bracket = BRACKET.matcher(name);
        if (bracket.matches()) {
            // "started_at[eq] is not a parameter ...", "started_at[gte]: 'yesterday' is not ..."
            boolean sentence = message.startsWith("is ") || message.startsWith("has ");
            errors.add(bracket.group(1), name + (sentence ? " " : ": ") + message);
        } else {
            errors.add(name, message);
        }
    }

    /** Throws the 422 naming every unknown parameter (in name order) and every bad value. */
    public void finish() {
        for (String unknown : new TreeSet<>(raw.keySet())) {
            if (!taken.contains(unknown)) {
                error(unknown, "is not a parameter of this list");
            }
        }
        errors.throwIfAny();
    }

    private List<String> values(String name) {
        taken.add(name);
        List<String> values = raw.get(name);
        if (values == null) {
            return List.of();
        }
        List<String> given = new ArrayList<>(values.size());
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                given.add(value.strip());
            }
        }
        return given;
    }
}
