package io.callrecords.reports;

import java.util.Arrays;

/**
 * Calls per value of a distribution of seconds (to answer, to callback), as {@code report_quantize} (V9) keeps the
 * values: each below 256 as it is, each longer one as the middle of its step, 128 steps per doubling. So a value has
 * an index in a small array, and a month of values is added up without boxing or hashing.
 */
final class Distribution {

    private static final int EXACT = 256;
    private static final int STEPS = 128;

    private long[] calls = new long[64];

    void add(int value, long count) {
        int index = index(value);
        if (index >= calls.length) {
            calls = Arrays.copyOf(calls, Math.max(index + 1, calls.length * 2));
        }
        calls[index] += count;
    }

    /** Calls whose value is at most {@code seconds}. */
    long atMost(int seconds) {
        long within = 0;
        for (int i = 0; i < calls.length && value(i) <= seconds; i++) {
            within += calls[i];
        }
        return within;
    }

    /**
     * The p-th percentile (0 ≤ p ≤ 1), or null when there are no calls, defined as PostgreSQL's
     * {@code percentile_cont}: the value at rank p·(n−1), interpolated linearly between the two values around it (the
     * median of 10 and 20 is 15).
     */
    Double percentile(double p) {
        long n = 0;
        for (long c : calls) {
            n += Math.max(c, 0);
        }
        if (n == 0) {
            return null;
        }
        double rank = p * (n - 1);
        long lowerRank = (long) Math.floor(rank);
        double fraction = rank - lowerRank;
        Integer lower = null;
        long seen = 0; // the values before this index hold ranks [0, seen)
        for (int i = 0; i < calls.length; i++) {
            if (calls[i] <= 0) {
                continue; // no calls, or all of them taken back
            }
            int value = value(i);
            seen += calls[i];
            if (lower != null) {
                return lower + fraction * (value - lower);
            }
            if (lowerRank < seen) {
                lower = value;
                if (fraction == 0 || lowerRank + 1 < seen) {
                    return lower.doubleValue(); // the next rank holds the same value
                }
            }
        }
        return lower.doubleValue();
    }

    /** The index of a value as report_quantize keeps it (a negative value, which no record has, counts as 0). */
    static int index(int value) {
        if (value < EXACT) {
            return Math.max(value, 0);
        }
        int shift = 32 - Integer.numberOfLeadingZeros(value) - 8; // the value's bit length − 8
        return EXACT + (shift - 1) * STEPS + ((value >> shift) & (STEPS - 1));
    }

    /** The value kept at an index: the middle of its step. */
    static int value(int index) {
        if (index < EXACT) {
            return index;
        }
        int shift = (index - EXACT) / STEPS + 1;
        return ((STEPS + (index - EXACT) % STEPS) << shift) + (1 << (shift - 1));
    }
}
