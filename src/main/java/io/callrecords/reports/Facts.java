package io.callrecords.reports;

import java.util.Map;
import java.util.TreeMap;

/**
 * The summed facts of the calls of one bucket: a count and a total per measure, and the distributions of the
 * seconds to answer and to callback (value → calls). Mutable; built by one thread from query rows.
 */
final class Facts {

    private final long[] calls = new long[ReportMeasure.values().length + 1];
    private final long[] totals = new long[calls.length];
    private final TreeMap<Integer, Long> secondsToAnswer = new TreeMap<>();
    private final TreeMap<Integer, Long> secondsToCallback = new TreeMap<>();
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

    Map<Integer, Long> secondsToAnswer() {
        return secondsToAnswer;
    }

    Map<Integer, Long> secondsToCallback() {
        return secondsToCallback;
    }

    /** Answered calls with first_touch_duration ≤ {@code seconds}. */
    long answeredWithin(int seconds) {
        return secondsToAnswer.headMap(seconds, true).values().stream().mapToLong(Long::longValue).sum();
    }
}
