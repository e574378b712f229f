package io.callrecords.reports;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The summed facts of the calls of one bucket: a count and a total per measure, and the distributions of the
 * seconds to answer and to callback (value → calls). Mutable; built by one thread from query rows.
 */
final class Facts {

    private final long[] calls = new long[ReportMeasure.values().length + 1];
    private final long[] totals = new long[calls.length];
    // Hash maps while summing (a month holds tens of thousands of distinct values), sorted once when read.
    private final Map<Integer, Long> secondsToAnswer = new HashMap<>();
    private final Map<Integer, Long> secondsToCallback = new HashMap<>();
    long unreturned;
    long callbacksMade;

    void add(ReportMeasure measure, int value, long calls, long total) {
        this.calls[measure.code] += calls;
        this.totals[measure.code] += total;
        switch (measure) {
            case ANSWERED -> secondsToAnswer.merge(value, calls, Long::sum);
            case RETURNED -> secondsToCallback.merge(value, calls, Long::sum);
            default -> { }
        }
    }

    long calls(ReportMeasure measure) {
        return calls[measure.code];
    }

    long total(ReportMeasure measure) {
        return totals[measure.code];
    }

    /** Seconds to answer → answered calls, ascending. */
    TreeMap<Integer, Long> secondsToAnswer() {
        return new TreeMap<>(secondsToAnswer);
    }

    /** Seconds to callback → returned calls, ascending. */
    TreeMap<Integer, Long> secondsToCallback() {
        return new TreeMap<>(secondsToCallback);
    }

    /** Answered calls with first_touch_duration ≤ {@code seconds}. */
    long answeredWithin(int seconds) {
        long within = 0;
        for (Map.Entry<Integer, Long> e : secondsToAnswer.entrySet()) {
            within += e.getKey() <= seconds ? e.getValue() : 0;
        }
        return within;
    }
}
