package io.callrecords.bench;

import java.util.Arrays;

/** Latencies of many requests in microseconds, summarised by percentiles. */
record Latencies(long[] sortedMicros, int failures, double seconds) {

    static Latencies of(long[] micros, int count, int failures, double seconds) {
        long[] sorted = Arrays.copyOf(micros, count);
        Arrays.sort(sorted);
        return new Latencies(sorted, failures, seconds);
    }

    /** Latencies measured in nanoseconds ({@link System#nanoTime()} differences), with no failures or duration. */
    static Latencies ofNanos(long[] nanos) {
        long[] micros = new long[nanos.length];
        for (int i = 0; i < nanos.length; i++) {
            micros[i] = nanos[i] / 1000;
        }
        return of(micros, micros.length, 0, 0);
    }

    double percentileMillis(double p) {
        if (sortedMicros.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.min(sortedMicros.length - 1, Math.ceil(p / 100.0 * sortedMicros.length) - 1);
        return sortedMicros[Math.max(0, index)] / 1000.0;
    }

    double maxMillis() {
        return sortedMicros.length == 0 ? Double.NaN : sortedMicros[sortedMicros.length - 1] / 1000.0;
    }

    String summary() {
        return String.format("%,d requests in %.1f s (%.0f/s), %d failed: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms,"
                        + " p99.9 %.2f ms, max %.2f ms", sortedMicros.length, seconds, sortedMicros.length / seconds,
                failures, percentileMillis(50), percentileMillis(90), percentileMillis(99), percentileMillis(99.9),
                maxMillis());
    }
}
