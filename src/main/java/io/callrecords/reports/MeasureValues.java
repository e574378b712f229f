package io.callrecords.reports;

import static io.callrecords.reports.ReportMeasure.*;

/**
 * The numbers of reports.md from the facts of a bucket, as {@link ReportMeasures} names them for the API and the CSV.
 * Counts are integers; rates are fractions (0.9123, four places); durations are seconds (one place). A rate or a
 * duration of nothing (no offered call, no answered call) is null, not 0: "no calls" and "0 % answered" are
 * different news.
 */
final class MeasureValues {

    private MeasureValues() {}

    /**
     * @param perUser the report is by user: the per-user measures are present (also in its total)
     * @param oneUser the facts are one user's: their answer rate is of their rings (the calls they took, of the calls
     *                that rang them), not of the calls they ended up with, which they answered every one of
     */
    static ReportMeasures of(Facts f, int slSeconds, boolean perUser, boolean oneUser) {
        long offered = f.calls(OFFERED);
        long answered = f.calls(ANSWERED);
        long abandoned = f.calls(MISSED_ABANDONED);
        return new ReportMeasures(
                f.calls(INBOUND),
                offered,
                answered,
                f.calls(MISSED),
                f.calls(MISSED_ABANDONED),
                f.calls(MISSED_SHORT_ABANDONED),
                f.calls(MISSED_CALLBACK),
                f.calls(MISSED_OUT_OF_BUSINESS_HOURS),
                f.calls(MISSED_DENYLIST),
                missedShare(f),
                oneUser ? rate(f.ringsAnswered, f.rings) : rate(answered, offered),
                rate(abandoned, offered),
                mean(f.total(ANSWERED), answered),
                seconds(f.secondsToAnswer().percentile(0.5)),
                seconds(f.secondsToAnswer().percentile(0.9)),
                rate(f.secondsToAnswer().atMost(slSeconds), offered),
                f.calls(RETURNED),
                rate(f.calls(RETURNED), f.calls(RETURNABLE)),
                seconds(f.secondsToCallback().percentile(0.5)),
                seconds(f.secondsToCallback().percentile(0.9)),
                // The returnable calls with no callback, but for those a dismissal covers: the worklist's rule
                // (WorklistSql).
                f.calls(RETURNABLE) - f.calls(RETURNED) - f.dismissed,
                mean(f.total(INBOUND_HANDLED), f.calls(INBOUND_HANDLED)),
                f.calls(OUTBOUND),
                f.calls(OUTBOUND_CONNECTED),
                rate(f.calls(OUTBOUND_CONNECTED), f.calls(OUTBOUND)),
                mean(f.total(OUTBOUND_CONNECTED), f.calls(OUTBOUND_CONNECTED)),
                f.calls(INTERNAL),
                mean(f.total(INTERNAL_CONNECTED), f.calls(INTERNAL_CONNECTED)),
                perUser ? f.callbacksMade : null,
                perUser ? f.rings : null,
                perUser ? f.ringsAnswered : null,
                perUser ? f.rings - f.ringsAnswered : null);
    }

    /**
     * A cell of the weekday × hour heat map (reports.md: offered calls and their missed share): the counts only, so
     * that a month's cells are summed from the count facts of its slots without their distributions.
     */
    static SummaryView.HeatMapCell heatMapCell(BucketKey.Cell cell, Facts f) {
        return new SummaryView.HeatMapCell(cell.key(), cell.weekday(), cell.hour(), f.calls(INBOUND), f.calls(OFFERED),
                f.calls(MISSED), f.calls(MISSED_ABANDONED), f.calls(MISSED_SHORT_ABANDONED), f.calls(MISSED_CALLBACK),
                f.calls(MISSED_OUT_OF_BUSINESS_HOURS), f.calls(MISSED_DENYLIST), missedShare(f));
    }

    /**
     * {@code missed_share}: the offered calls that were missed (the missed ones but for the reasons that are not
     * offered), over the offered calls.
     */
    private static Double missedShare(Facts f) {
        long missedOffered = f.calls(MISSED) - f.calls(MISSED_SHORT_ABANDONED) - f.calls(MISSED_OUT_OF_BUSINESS_HOURS)
                - f.calls(MISSED_DENYLIST);
        return rate(missedOffered, f.calls(OFFERED));
    }

    private static Double rate(long part, long whole) {
        return whole == 0 ? null : Math.round(part * 10_000.0 / whole) / 10_000.0;
    }

    private static Double mean(long total, long count) {
        return count == 0 ? null : seconds(total / (double) count);
    }

    private static Double seconds(Double value) {
        return value == null ? null : Math.round(value * 10) / 10.0;
    }
}
