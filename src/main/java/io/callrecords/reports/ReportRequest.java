package io.callrecords.reports;

import io.callrecords.shared.FieldErrors;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The parameters of {@code GET /api/v3/reports/summary}, checked all at once: the period {@code [from, to)} in a time
 * zone, the service-level threshold, the grouping and the format.
 *
 * <p>{@code from} and {@code to} are local dates ({@code 2026-10-01}, the start of that day in the zone) or date-times,
 * with an offset or local to the zone, on a quarter hour: the roll-ups are kept per 15 minutes, and every time zone's
 * offset is a multiple of 15 minutes, so local days and hours are whole numbers of them.
 */
record ReportRequest(Instant from, Instant to, ZoneId zone, int slSeconds, ReportGrouping grouping, boolean csv) {

    static final int MAX_DAYS = 400;
    static final int DEFAULT_SL_SECONDS = 20;
    private static final Set<String> PARAMETERS = Set.of("from", "to", "timezone", "sl_seconds", "group_by", "format");

    /** Reads the request; {@code accountZone} applies when no {@code timezone} is given; the default period is today. */
    static ReportRequest read(Map<String, List<String>> parameters, ZoneId accountZone, Instant now) {
        FieldErrors errors = new FieldErrors();
        for (String name : new TreeSet<>(parameters.keySet())) {
            if (!PARAMETERS.contains(name)) {
                errors.add(name, "is not a parameter of this report; the parameters are " + String.join(", ", new TreeSet<>(PARAMETERS)));
            } else if (parameters.get(name).size() > 1) {
                errors.add(name, "is given more than once");
            }
        }
        ZoneId zone = zone(single(parameters, "timezone"), accountZone, errors);
        Instant from = time(parameters, "from", zone, errors);
        Instant to = time(parameters, "to", zone, errors);
        if (zone != null) {
            Instant today = now.atZone(zone).toLocalDate().atStartOfDay(zone).toInstant();
            if (from == null && to == null && errors.isEmpty()) {
                from = today;
                to = today.atZone(zone).plusDays(1).toLocalDate().atStartOfDay(zone).toInstant();
            } else if (from == null && to != null && single(parameters, "from") == null) {
                from = to.atZone(zone).minusDays(1).toInstant();
            } else if (to == null && from != null && single(parameters, "to") == null) {
                to = from.atZone(zone).plusDays(1).toInstant();
            }
        }
        if (from != null && to != null) {
            if (!from.isBefore(to)) {
                errors.add("to", "must be after from");
            } else if (Duration.between(from, to).compareTo(Duration.ofDays(MAX_DAYS)) > 0) {
                errors.add("to", "is more than " + MAX_DAYS + " days after from; ask for a shorter period");
            }
        }
        int sl = slSeconds(single(parameters, "sl_seconds"), errors);
        ReportGrouping grouping = grouping(single(parameters, "group_by"), errors);
        String format = single(parameters, "format");
        if (format != null && !format.equals("json") && !format.equals("csv")) {
            errors.add("format", "must be json or csv");
        }
        errors.throwIfAny();
        return new ReportRequest(from, to, zone, sl, grouping, "csv".equals(format));
    }

    private static String single(Map<String, List<String>> parameters, String name) {
        List<String> values = parameters.get(name);
        return values == null || values.isEmpty() ? null : values.getFirst().strip();
    }

    private static ZoneId zone(String value, ZoneId accountZone, FieldErrors errors) {
        if (value == null || value.isEmpty()) {
            return accountZone;
        }
        try {
            return ZoneId.of(value);
        } catch (DateTimeException e) {
            errors.add("timezone", "'" + value + "' is not an IANA time zone (like Europe/Berlin or America/New_York)");
            return null;
        }
    }

    private static Instant time(Map<String, List<String>> parameters, String name, ZoneId zone, FieldErrors errors) {
        String value = single(parameters, name);
        if (value == null || zone == null) {
            return null;
        }
        Instant instant = parse(value, zone);
        if (instant == null) {
            errors.add(name, "must be a date (2026-10-01) or a date-time (2026-10-01T08:00, 2026-10-01T08:00:00+02:00)");
            return null;
        }
        if (instant.getEpochSecond() % 900 != 0) {
            errors.add(name, "must be on a quarter hour (reports are kept per 15 minutes)");
            return null;
        }
        return instant;
    }

    private static Instant parse(String value, ZoneId zone) {
        try {
            if (value.length() == 10) {
                return LocalDate.parse(value).atStartOfDay(zone).toInstant();
            }
            if (value.endsWith("Z") || value.matches(".*[+-]\\d\\d:?\\d\\d$")) {
                return OffsetDateTime.parse(value).toInstant();
            }
            return ZonedDateTime.of(LocalDateTime.parse(value), zone).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static int slSeconds(String value, FieldErrors errors) {
        if (value == null) {
            return DEFAULT_SL_SECONDS;
        }
        if (!value.matches("\\d{1,4}") || Integer.parseInt(value) > 3600) {
            errors.add("sl_seconds", "must be a whole number of seconds from 0 to 3600");
            return DEFAULT_SL_SECONDS;
        }
        return Integer.parseInt(value);
    }

    private static ReportGrouping grouping(String value, FieldErrors errors) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        return ReportGrouping.of(value).orElseGet(() -> {
            errors.add("group_by", "must be one of " + Arrays.stream(ReportGrouping.values()).map(g -> g.wire)
                    .collect(Collectors.joining(", ")));
            return null;
        });
    }
}
