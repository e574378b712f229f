package io.callrecords.calls;

import io.callrecords.shared.FieldErrors;
import io.callrecords.shared.Text;
import io.callrecords.shared.Times;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/** Typed access to the fields of one JSON object, each problem reported under {@code <prefix>.<field>}. */
final class Fields {

    /**
     * The longest text of any string field of an event or an imported record: types, results, names and ids are
     * short, and a record is served on every read, so a megabyte in one field would be paid for again and again.
     */
    static final int MAX_TEXT_LENGTH = 255;

    private static final DateTimeFormatter LENIENT_OFFSET = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .toFormatter();

    private final Map<?, ?> json;
    private final String prefix;
    private final FieldErrors errors;
    private final Fields parent;
    private boolean failed;

    Fields(Map<?, ?> json, String prefix, FieldErrors errors) {
        this(json, prefix, errors, null);
    }

    private Fields(Map<?, ?> json, String prefix, FieldErrors errors, Fields parent) {
        this.json = json;
        this.prefix = prefix;
        this.errors = errors;
        this.parent = parent;
    }

    /** Whether any field of this object was reported. */
    boolean failed() {
        return failed;
    }

    void error(String field, String message) {
        errors.add(prefix + "." + field, message);
        for (Fields f = this; f != null; f = f.parent) {
            f.failed = true;
        }
    }

    String string(String field, boolean required) {
        Object value = json.get(field);
        if (value == null) {
            if (required) {
                error(field, "is required");
            }
            return null;
        }
        if (!(value instanceof String s) || s.isBlank()) {
            error(field, "must be a non-empty string");
            return null;
        }
        String problem = Text.problem(s, MAX_TEXT_LENGTH);
        if (problem != null) {
            error(field, problem);
            return null;
        }
        return s;
    }

    Long id(String field, boolean required) {
        Object value = json.get(field);
        if (value == null) {
            if (required) {
                error(field, "is required");
            }
            return null;
        }
        if ((value instanceof Integer || value instanceof Long) && ((Number) value).longValue() >= 0) {
            return ((Number) value).longValue();
        }
        error(field, "must be a non-negative whole number");
        return null;
    }

    Fields object(String field, boolean required) {
        Object value = json.get(field);
        if (value instanceof Map<?, ?> map) {
            return new Fields(map, prefix + "." + field, errors, this);
        }
        if (value != null || required) {
            error(field, value == null ? "is required" : "must be a JSON object");
        }
        return null;
    }

    <E extends Enum<E> & WireName> E enumValue(String field, Class<E> type, boolean required) {
        String value = string(field, required);
        if (value == null) {
            return null;
        }
        return WireName.parse(type, value).orElseGet(() -> {
            error(field, "'" + value + "' is not one of " + Arrays.stream(type.getEnumConstants())
                    .map(WireName::wire).collect(Collectors.joining(", ")));
            return null;
        });
    }

    Boolean bool(String field, boolean required) {
        Object value = json.get(field);
        if (value == null) {
            if (required) {
                error(field, "is required");
            }
            return null;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        error(field, "must be true or false");
        return null;
    }

    /** A whole number of seconds, 0 or more. */
    Integer seconds(String field, boolean required) {
        Long value = id(field, required);
        if (value != null && value > Integer.MAX_VALUE) {
            error(field, "is too large");
            return null;
        }
        return value == null ? null : value.intValue();
    }

    /** An ISO-8601 time with offset; Hipcall's older {@code +0000} form is accepted too. */
    Instant instant(String field, boolean required) {
        String value = string(field, required);
        if (value == null) {
            return null;
        }
        try {
            return Times.within(OffsetDateTime.parse(value, LENIENT_OFFSET));
        } catch (DateTimeException e) {
            error(field, "is not an ISO-8601 time with offset " + Times.YEARS + " (2026-03-26T12:31:32Z)");
            return null;
        }
    }

    Object raw(String field) {
        return json.get(field);
    }
}
