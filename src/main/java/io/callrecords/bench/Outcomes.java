package io.callrecords.bench;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts and latencies of the {@link RequestOutcome}s whose status is in a range ({@code 200, 299}: answered;
 * {@code 503, 503}: shed), as the overload benchmark prints them.
 */
final class Outcomes {

    private Outcomes() {}

    static int count(List<RequestOutcome> outcomes, int from, int to) {
        return (int) outcomes.stream().filter(o -> o.statusIn(from, to)).count();
    }

    static double p99(List<RequestOutcome> outcomes, int from, int to) {
        return latencies(outcomes, from, to).percentileMillis(99);
    }

    /** {@code p50 …, p99 …, max …} of the latencies in milliseconds. */
    static String describe(List<RequestOutcome> outcomes, int from, int to) {
        Latencies l = latencies(outcomes, from, to);
        return String.format("p50 %,.0f ms, p99 %,.0f ms, max %,.0f ms", l.percentileMillis(50), l.percentileMillis(99),
                l.maxMillis());
    }

    /** How many of each status, {@code no answer} for 0: {@code {503=12, no answer=1}}. */
    static String statuses(List<RequestOutcome> outcomes) {
        Map<String, Integer> byStatus = new TreeMap<>();
        outcomes.forEach(o -> byStatus.merge(o.status() == 0 ? "no answer" : Integer.toString(o.status()), 1, Integer::sum));
        return byStatus.toString();
    }

    private static Latencies latencies(List<RequestOutcome> outcomes, int from, int to) {
        return Latencies.ofNanos(outcomes.stream().filter(o -> o.statusIn(from, to))
                .mapToLong(RequestOutcome::latencyNanos).toArray());
    }
}
