package io.callrecords.reports;

import io.callrecords.shared.QueryParameters;
import io.callrecords.shared.Times;
import io.callrecords.shared.Timestamps;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A period {@code [from, to)} on {@code started_at} (reports.md), read from the {@code from} and {@code to}
 * parameters: a date is the start of that day in the account's time zone, a date-time has an offset (or is local
 * to the zone).
 */
record ReportPeriod(Instant from, Instant to) {

    static final int MAX_DAYS = 400;
    static final String FORMS = "a date (2026-10-01) or a date-time with an offset (2026-10-01T08:00:00+03:00)";

    /** An offset whose {@code +} arrived as a space: a {@code +} left unencoded in a query string means space. */
    private static final Pattern SPACE_FOR_PLUS = Pattern.compile(" (\\d{2}:\\d{2})$");

    /**
     * Reads both bounds, reporting bad ones to {@code p}: without {@code to}, now; without {@code from}, {@code length}
     * before {@code to}. A bound is null only when a bad value was reported.
     */
    static ReportPeriod read(QueryParameters p, ZoneId zone, Instant now, Duration length) {
        String toValue = p.single("to");
        String fromValue = p.single("from");
        Instant to = toValue == null ? now : time(p, "to", toValue, zone);
        Instant from = fromValue != null ? time(p, "from", fromValue, zone) : to == null ? null : to.minus(length);
        if (from != null && to != null) {
            if (!from.isBefore(to)) {
                p.error("to", "must be after from");
            } else if (to.isAfter(from.atZone(zone).plusDays(MAX_DAYS).toInstant())) { // local days: DST days count as one
                p.error("to", "is more than " + MAX_DAYS + " days after from; ask for a shorter period");
            }
        }
        return new ReportPeriod(from, to);
    }

    /** The named parameters {@code :account}, {@code :from} and {@code :to} of a statement over the period; mutable. */
    Map<String, Object> params(long accountId) {
        Map<String, Object> params = new HashMap<>();
        params.put("account", accountId);
        params.put("from", Timestamps.toDb(from));
        params.put("to", Timestamps.toDb(to));
        return params;
    }

    private static Instant time(QueryParameters p, String name, String value, ZoneId zone) {
        try {
            if (value.length() == 10) {
                return Times.within(Times.parseDate(value).atStartOfDay(zone).toInstant());
            }
            String repaired = SPACE_FOR_PLUS.matcher(value).replaceFirst("+$1");
            try {
                return Times.parseWithOffset(repaired);
            } catch (DateTimeException withoutOffset) {
                return Times.within(LocalDateTime.parse(repaired).atZone(zone).toInstant());
            }
        } catch (DateTimeException e) {
            p.error(name, "'" + value + "' is not " + FORMS);
            return null;
        }
    }
}
