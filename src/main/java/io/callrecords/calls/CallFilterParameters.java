package io.callrecords.calls;

import io.callrecords.shared.QueryParameters;
import io.callrecords.shared.Times;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads the filters, the sort and the cursor shared by the call list, its export and the legacy cdrs list
 * (api.md "Calls"): {@code status}, {@code q}, {@code started_at[gt|gte|lt|lte]}, {@code call_duration[...]},
 * {@code updated_at[gt|gte]}, {@code direction[eq|in]}, {@code missing_call[eq]},
 * {@code missing_call_reason[eq|in]}, {@code user_id[eq|in]}, {@code number_id[eq]}, {@code callee_type[eq|in]},
 * {@code returned[eq]}, {@code tag_id[eq|in]}, {@code commented[eq]}, {@code disposition_code[eq|in]}, {@code sort}, {@code cursor}.
 */
final class CallFilterParameters {

    static final String TIME_FORMS = "an ISO-8601 time (2026-03-26T12:31:32Z, 2026-03-26T15:31:32+03:00) or a date"
            + " (2026-03-26)";

    private static final DateTimeFormatter TIME = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .toFormatter();
    /** An offset whose {@code +} arrived as a space: a {@code +} left unencoded in a query string means space. */
    private static final Pattern SPACE_FOR_PLUS = Pattern.compile("(T[0-9:.]+) ([0-9]{2}:?[0-9]{2})$");
    private static final List<Bound.Operator> ALL = List.of(Bound.Operator.values());
    private static final String DIRECTIONS = names(Direction.values());
    private static final String REASONS = names(MissingCallReason.values());
    private static final String ENDPOINT_TYPES = names(EndpointType.values());

    private CallFilterParameters() {}

    static CallFilter filter(QueryParameters p) {
        String q = p.single("q");
        String digits = q == null ? null : q.replaceAll("\\D", "");
        if (digits != null && digits.isEmpty()) {
            p.error("q", "'" + q + "' has no digits; q finds digits inside caller_number and callee_number");
            digits = null;
        }
        return new CallFilter(live(p),
                bounds(p, "started_at", ALL, CallFilterParameters::timeBound, TIME_FORMS),
                bounds(p, "call_duration", ALL, CallFilterParameters::secondsBound, "a whole number of seconds"),
                bounds(p, "updated_at", List.of(Bound.Operator.GT, Bound.Operator.GTE), CallFilterParameters::timeBound,
                        TIME_FORMS),
                oneOf(p, "direction", Direction::fromWire, DIRECTIONS),
                p.bool("missing_call[eq]"),
                oneOf(p, "missing_call_reason", MissingCallReason::fromWire, REASONS),
                oneOf(p, "user_id", CallFilterParameters::id, "ids (whole numbers)"),
                id(p, "number_id[eq]"),
                oneOf(p, "callee_type", EndpointType::fromWire, ENDPOINT_TYPES),
                p.bool("returned[eq]"),
                digits,
                oneOf(p, "tag_id", CallFilterParameters::id, "ids (whole numbers)"),
                p.bool("commented[eq]"),
                oneOf(p, "disposition_code", CallFilterParameters::code, "disposition codes (letters, digits, _ . : -)"),
                null);
    }

    static CallSort sort(QueryParameters p) {
        String value = p.single("sort");
        if (value == null) {
            return CallSort.STARTED_AT_DESC;
        }
        return CallSort.fromWire(value).orElseGet(() -> {
            p.error("sort", "'" + value + "' is not one of " + CallSort.choices());
            return CallSort.STARTED_AT_DESC;
        });
    }

    /** The cursor of {@code cursor=}, null when absent; it must have been made for {@code sort}. */
    static ListCursor cursor(QueryParameters p, CallSort sort) {
        String value = p.single("cursor");
        if (value == null) {
            return null;
        }
        Optional<ListCursor> cursor = ListCursor.decode(value);
        if (cursor.isEmpty()) {
            p.error("cursor", "is not a cursor of this list; use meta.next_cursor of the previous page");
            return null;
        }
        if (cursor.get().sort() != sort) {
            p.error("cursor", "was made for sort=" + cursor.get().sort().wire() + "; repeat that sort or start without"
                    + " a cursor");
            return null;
        }
        return cursor.get();
    }

    private static boolean live(QueryParameters p) {
        String status = p.single("status");
        if (status == null || status.equals("ended")) {
            return false;
        }
        if (!status.equals("live")) {
            p.error("status", "'" + status + "' is not one of ended, live");
        }
        return status.equals("live");
    }

    /** {@code name[op]} for each operator; a value {@code read} cannot make sense of is reported and left out. */
    private static <T> List<Bound<T>> bounds(QueryParameters p, String name, List<Bound.Operator> operators,
                                             BiFunction<Bound.Operator, String, Optional<Bound<T>>> read,
                                             String expected) {
        List<Bound<T>> bounds = new ArrayList<>();
        for (Bound.Operator operator : operators) {
            String parameter = name + "[" + operator.wire() + "]";
            String value = p.single(parameter);
            if (value != null) {
                read.apply(operator, value).ifPresentOrElse(bounds::add,
                        () -> p.error(parameter, "'" + value + "' is not " + expected));
            }
        }
        return bounds;
    }

    /**
     * A time, or a date standing for the whole UTC day: {@code lte 2026-03-26} includes that day,
     * {@code gt 2026-03-26} starts after it, {@code gte} and {@code lt} take its first instant.
     */
    private static Optional<Bound<Instant>> timeBound(Bound.Operator operator, String value) {
        try {
            if (value.length() == 10) {
                LocalDate day = Times.parseDate(value);
                Instant start = Times.within(day.atStartOfDay(ZoneOffset.UTC).toInstant());
                Instant next = Times.within(day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
                return Optional.of(switch (operator) {
                    case GTE -> new Bound<>(Bound.Operator.GTE, start);
                    case GT -> new Bound<>(Bound.Operator.GTE, next);
                    case LT -> new Bound<>(Bound.Operator.LT, start);
                    case LTE -> new Bound<>(Bound.Operator.LT, next);
                });
            }
            Instant utc = utc(value);
            if (utc != null) {
                return Optional.of(new Bound<>(operator, Times.within(utc)));
            }
            String repaired = value.indexOf(' ') < 0 ? value : SPACE_FOR_PLUS.matcher(value).replaceFirst("$1+$2");
            TemporalAccessor parsed = TIME.parseBest(repaired, OffsetDateTime::from, LocalDateTime::from);
            // without an offset the time is read as UTC, the zone of every time this API serves
            Instant instant = parsed instanceof OffsetDateTime t ? t.toInstant()
                    : ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
            return Optional.of(new Bound<>(operator, Times.within(instant)));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /**
     * The common form {@code 2026-03-26T12:31:32Z} (no fraction), read by hand: java.time's parsers cost more than
     * the rest of a list request's parameters together. Null for any other form.
     */
    private static Instant utc(String value) {
        if (value.length() != 20 || value.charAt(4) != '-' || value.charAt(7) != '-' || value.charAt(10) != 'T'
                || value.charAt(13) != ':' || value.charAt(16) != ':' || value.charAt(19) != 'Z') {
            return null;
        }
        int[] parts = new int[6];
        int[] starts = {0, 5, 8, 11, 14, 17};
        for (int p = 0; p < 6; p++) {
            int end = starts[p] + (p == 0 ? 4 : 2);
            for (int i = starts[p]; i < end; i++) {
                char c = value.charAt(i);
                if (c < '0' || c > '9') {
                    return null;
                }
                parts[p] = parts[p] * 10 + (c - '0');
            }
        }
        // LocalDateTime.of checks the ranges (month 13, February 30 ...) and throws DateTimeException
        return LocalDateTime.of(parts[0], parts[1], parts[2], parts[3], parts[4], parts[5]).toInstant(ZoneOffset.UTC);
    }

    private static Optional<Bound<Integer>> secondsBound(Bound.Operator operator, String value) {
        try {
            int seconds = Integer.parseInt(value);
            return seconds >= 0 ? Optional.of(new Bound<>(operator, seconds)) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * {@code name[eq]} and {@code name[in]} (comma-separated) as one set: their intersection when both are given,
     * null when neither is. Unknown values are reported, naming the accepted ones.
     */
    private static <T> Set<T> oneOf(QueryParameters p, String name, Function<String, Optional<T>> parse, String accepted) {
        String eq = p.single(name + "[eq]");
        List<String> in = p.list(name + "[in]");
        Set<T> eqSet = eq == null ? null : parseAll(p, name + "[eq]", List.of(eq), parse, accepted);
        Set<T> inSet = in == null ? null : parseAll(p, name + "[in]", in, parse, accepted);
        if (eqSet == null) {
            return inSet;
        }
        if (inSet != null) {
            eqSet.retainAll(inSet);
        }
        return eqSet;
    }

    private static <T> Set<T> parseAll(QueryParameters p, String parameter, List<String> values,
                                       Function<String, Optional<T>> parse, String accepted) {
        Set<T> parsed = new LinkedHashSet<>();
        for (String value : values) {
            parse.apply(value).ifPresentOrElse(parsed::add,
                    () -> p.error(parameter, "'" + value + "' is not one of " + accepted));
        }
        return parsed;
    }

    private static Long id(QueryParameters p, String parameter) {
        String value = p.single(parameter);
        if (value == null) {
            return null;
        }
        return id(value).orElseGet(() -> {
            p.error(parameter, "'" + value + "' is not an id (a whole number)");
            return null;
        });
    }

    private static Optional<Long> id(String value) {
        try {
            long id = Long.parseLong(value);
            return id >= 0 ? Optional.of(id) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** A well-formed disposition code; whether the account has it is no matter (an unknown code matches nothing). */
    private static Optional<String> code(String value) {
        return value.matches("[A-Za-z0-9_.:-]{1,64}") ? Optional.of(value) : Optional.empty();
    }

    private static String names(WireName[] values) {
        return Arrays.stream(values).map(WireName::wire).collect(Collectors.joining(", "));
    }
}
