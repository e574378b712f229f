package io.callrecords.reports;

import java.util.Map;

/**
 * Percentiles of a distribution given as value → count in ascending order, defined as PostgreSQL's
 * {@code percentile_cont}: the value at rank p·(n−1), interpolated linearly between the two values around it (the
 * median of 10 and 20 is 15).
 */
final class Percentile {

    private Percentile() {}

    /** The p-th percentile (0 ≤ p ≤ 1) of the values, or null when there are none. */
    static Double of(Map<Integer, Long> ascendingCounts, double p) {
        long n = ascendingCounts.values().stream().mapToLong(Long::longValue).sum();
        if (n == 0) {
            return null;
        }
        double rank = p * (n - 1);
        long lowerRank = (long) Math.floor(rank);
        double fraction = rank - lowerRank;
        Integer lower = null;
        long seen = 0; // the values before this entry hold ranks [0, seen)
        for (Map.Entry<Integer, Long> e : ascendingCounts.entrySet()) {
            if (e.getValue() <= 0) {
                continue; // a value whose calls were all taken back
            }
            seen += e.getValue();
            if (lower != null) {
                return lower + fraction * (e.getKey() - lower);
            }
            if (lowerRank < seen) {
                lower = e.getKey();
                if (fraction == 0 || lowerRank + 1 < seen) {
                    return lower.doubleValue(); // the next rank holds the same value
                }
            }
        }
        return lower.doubleValue();
    }
}
