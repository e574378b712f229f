package io.callrecords.reports;

import io.callrecords.shared.QueryParameters;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.springframework.util.MultiValueMap;

/**
 * The parameters of {@code GET /api/v3/reports/summary}, checked all at once: the period {@code [from, to)} in a time
 * zone, the service-level threshold, the grouping and the format.
 *
 * <p>The bounds are read as the worklist reads them ({@link ReportPeriod}) and must fall on a quarter hour: the
 * roll-ups are kept per 15 minutes, and every time zone's offset is a multiple of 15 minutes, so local days and hours
 * are whole numbers of them. Without bounds the period is today; with {@code from} alone it ends now (rounded up to the
 * quarter hour).
 */
record ReportRequest(ReportPeriod period, ZoneId zone, int slSeconds, ReportGrouping grouping, boolean csv) {

    static final int DEFAULT_SL_SECONDS = 20;
    private static final long QUARTER_HOUR = 900;

    /** Reads the request; {@code accountZone} applies when no {@code timezone} is given. */
    static ReportRequest read(MultiValueMap<String, String> raw, ZoneId accountZone, Instant now) {
        QueryParameters p = new QueryParameters(raw);
        ZoneId zone = zone(p, accountZone);
        // After a bad time zone the bounds are still read, in the account's, so that each is named for what it is.
        ZoneId periodZone = zone != null ? zone : accountZone;
        ReportPeriod period = p.has("from") || p.has("to")
                ? ReportPeriod.read(p, periodZone, nextQuarterHour(now), Duration.ofDays(1))
                : today(periodZone, now);
        onQuarterHour(p, "from", period.from());
        onQuarterHour(p, "to", period.to());
        int sl = (int) p.whole("sl_seconds", DEFAULT_SL_SECONDS, 0, 3600);
        ReportGrouping grouping = grouping(p);
        String format = p.single("format");
        if (format != null && !format.equals("json") && !format.equals("csv")) {
            p.error("format", "must be json or csv");
        }
        p.finish();
        return new ReportRequest(period, zone, sl, grouping, "csv".equals(format));
    }

    private static ReportPeriod today(ZoneId zone, Instant now) {
        var day = now.atZone(zone).toLocalDate();
        return new ReportPeriod(day.atStartOfDay(zone).toInstant(), day.plusDays(1).atStartOfDay(zone).toInstant());
    }

    private static Instant nextQuarterHour(Instant now) {
        long seconds = now.getEpochSecond();
        return Instant.ofEpochSecond(Math.ceilDiv(seconds + (now.getNano() > 0 ? 1 : 0), QUARTER_HOUR) * QUARTER_HOUR);
    }

    private static void onQuarterHour(QueryParameters p, String name, Instant bound) {
        if (bound != null && (bound.getEpochSecond() % QUARTER_HOUR != 0 || bound.getNano() != 0)) {
            p.error(name, "must be on a quarter hour (reports are kept per 15 minutes)");
        }
    }

    private static ZoneId zone(QueryParameters p, ZoneId accountZone) {
        String value = p.single("timezone");
        if (value == null || value.isBlank()) {
            return accountZone;
        }
        // IANA names only, as in the account settings: a fixed offset such as +05:07 would cut days off the quarter hours.
        if (ZoneId.getAvailableZoneIds().contains(value)) {
            return ZoneId.of(value);
        }
        p.error("timezone", "'" + value + "' is not an IANA time zone (like Europe/Berlin or America/New_York)");
        return null;
    }

    private static ReportGrouping grouping(QueryParameters p) {
        String value = p.single("group_by");
        if (value == null || value.isBlank()) {
            return null;
        }
        return ReportGrouping.of(value.strip()).orElseGet(() -> {
            p.error("group_by", "must be one of " + Arrays.stream(ReportGrouping.values()).map(g -> g.wire)
                    .collect(Collectors.joining(", ")));
            return null;
        });
    }
}
