package io.callrecords.reports;

import static io.callrecords.reports.ReportMeasure.*;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The numbers of reports.md from the facts of a bucket, named as the API and the CSV name them. Counts are integers;
 * rates are fractions (0.9123, four places); durations are seconds (one place). A rate or a duration of nothing
 * (no offered call, no answered call) is null, not 0: "no calls" and "0 % answered" are different news.
 */
final class MeasureValues {

    private MeasureValues() {}

    static Map<String, Object> of(Facts f, int slSeconds, boolean perUser) {
        long offered = f.calls(OFFERED);
        long answered = f.calls(ANSWERED);
        long abandoned = f.calls(MISSED_ABANDONED);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("inbound", f.calls(INBOUND));
        m.put("offered", offered);
        m.put("answered", answered);
        missed(f, m);
        m.put("answer_rate", rate(answered, offered));
        m.put("abandon_rate", rate(abandoned, offered));
        m.put("asa_mean", mean(f.total(ANSWERED), answered));
        m.put("asa_median", seconds(f.secondsToAnswer().percentile(0.5)));
        m.put("asa_p90", seconds(f.secondsToAnswer().percentile(0.9)));
        m.put("service_level", rate(f.secondsToAnswer().atMost(slSeconds), offered));
        m.put("returned", f.calls(RETURNED));
        m.put("callback_rate", rate(f.calls(RETURNED), f.calls(RETURNABLE)));
        m.put("time_to_callback_median", seconds(f.secondsToCallback().percentile(0.5)));
        m.put("time_to_callback_p90", seconds(f.secondsToCallback().percentile(0.9)));
        // The returnable calls with no callback, but for those a dismissal covers: the worklist's rule (WorklistSql).
        m.put("unreturned", f.calls(RETURNABLE) - f.calls(RETURNED) - f.dismissed);
        m.put("handle_time", mean(f.total(INBOUND_HANDLED), f.calls(INBOUND_HANDLED)));
        m.put("outbound", f.calls(OUTBOUND));
        m.put("outbound_connected", f.calls(OUTBOUND_CONNECTED));
        m.put("outbound_connect_rate", rate(f.calls(OUTBOUND_CONNECTED), f.calls(OUTBOUND)));
        m.put("outbound_handle_time", mean(f.total(OUTBOUND_CONNECTED), f.calls(OUTBOUND_CONNECTED)));
        m.put("internal", f.calls(INTERNAL));
        m.put("internal_handle_time", mean(f.total(INTERNAL_CONNECTED), f.calls(INTERNAL_CONNECTED)));
        if (perUser) {
            m.put("callbacks_made", f.callbacksMade);
        }
        return m;
    }

    /**
     * The cells of the weekday × hour heat map (reports.md: offered calls and their missed share): the counts only,
     * so that a month's cells are summed from the count facts of its slots without their distributions.
     */
    static Map<String, Object> heatMap(Facts f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("inbound", f.calls(INBOUND));
        m.put("offered", f.calls(OFFERED));
        missed(f, m);
        return m;
    }

    /**
     * Missed calls, per reason, and {@code missed_share}: the offered calls that were missed (the missed ones but
     * for the reasons that are not offered), over the offered calls.
     */
    private static void missed(Facts f, Map<String, Object> m) {
        long missed = f.calls(MISSED);
        m.put("missed", missed);
        m.put("missed_abandoned", f.calls(MISSED_ABANDONED));
        m.put("missed_short_abandoned", f.calls(MISSED_SHORT_ABANDONED));
        m.put("missed_callback", f.calls(MISSED_CALLBACK));
        m.put("missed_out_of_business_hours", f.calls(MISSED_OUT_OF_BUSINESS_HOURS));
        m.put("missed_denylist", f.calls(MISSED_DENYLIST));
        long missedOffered = missed - f.calls(MISSED_SHORT_ABANDONED) - f.calls(MISSED_OUT_OF_BUSINESS_HOURS)
                - f.calls(MISSED_DENYLIST);
        m.put("missed_share", rate(missedOffered, f.calls(OFFERED)));
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
