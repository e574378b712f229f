package io.callrecords.reports;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The buckets of a period grouped by time, every one of them (an empty bucket is reported with zeros, so charts have
 * no holes). The period is cut at local midnights or local hour starts, so a DST day has 23 or 25 hours. For the
 * database, {@link #starts()} are the thresholds of {@code width_bucket} and {@link #cells()} maps the n-th piece to
 * its bucket (the weekday × hour map folds every hour of the period into 7 × 24 cells).
 *
 * @param keys   the bucket of each cell (1-based cell = index + 1): its key and, for days and hours, its span, for
 *               the heat map its weekday and hour
 */
record TimeBuckets(List<Instant> starts, List<Integer> cells, List<BucketKey> keys) {

    static TimeBuckets of(ReportGrouping grouping, Instant from, Instant to, ZoneId zone) {
        List<Instant> starts = new ArrayList<>();
        List<Integer> cells = new ArrayList<>();
        List<BucketKey> keys = new ArrayList<>();
        if (grouping == ReportGrouping.WEEKDAY_HOUR) {
            for (DayOfWeek day : DayOfWeek.values()) {
                for (int hour = 0; hour < 24; hour++) {
                    keys.add(new BucketKey.Cell(day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH)
                            .toLowerCase(Locale.ROOT) + " %02d:00".formatted(hour), day.getValue(), hour));
                }
            }
        }
        Instant start = from;
        while (start.isBefore(to)) {
            ZonedDateTime local = start.atZone(zone);
            Instant next = switch (grouping) {
                case DAY -> local.toLocalDate().plusDays(1).atStartOfDay(zone).toInstant();
                default -> local.truncatedTo(ChronoUnit.HOURS).plusHours(1).toInstant();
            };
            Instant end = next.isAfter(to) ? to : next;
            starts.add(start);
            if (grouping == ReportGrouping.WEEKDAY_HOUR) {
                cells.add((local.getDayOfWeek().getValue() - 1) * 24 + local.getHour() + 1);
            } else {
                cells.add(keys.size() + 1);
                keys.add(new BucketKey.Span(grouping == ReportGrouping.DAY ? local.toLocalDate().toString()
                        : local.truncatedTo(ChronoUnit.HOURS).toOffsetDateTime().toString(),
                        local.toOffsetDateTime().toString(), end.atZone(zone).toOffsetDateTime().toString()));
            }
            start = end;
        }
        return new TimeBuckets(starts, cells, keys);
    }

    /** The period as one bucket: no bucket keys, only the total. */
    static TimeBuckets wholePeriod(Instant from) {
        return new TimeBuckets(List.of(from), List.of(1), List.of());
    }

    boolean isWhole() {
        return keys.isEmpty();
    }

    /** The thresholds as a PostgreSQL array literal. */
    String startsLiteral() {
        StringBuilder out = new StringBuilder("{");
        for (Instant start : starts) {
            out.append(out.length() == 1 ? "" : ",").append(start);
        }
        return out.append('}').toString();
    }

    String cellsLiteral() {
        StringBuilder out = new StringBuilder("{");
        for (Integer cell : cells) {
            out.append(out.length() == 1 ? "" : ",").append(cell);
        }
        return out.append('}').toString();
    }
}
