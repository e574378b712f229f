package io.callrecords.reports;

/**
 * The summed facts of the calls of one bucket: a count and a total per measure, and the distributions of the
 * seconds to answer and to callback (value → calls). Mutable; built by one thread from query rows.
 */
final class Facts {

    private final long[] calls = new long[ReportMeasure.values().length + 1];
    private final long[] totals = new long[calls.length];
    private final Distribution secondsToAnswer = new Distribution();
    private final Distribution secondsToCallback = new Distribution();
    /** Missed calls with no callback that an active worklist dismissal covers: not unreturned. */
    long dismissed;
    long callbacksMade;
    /** Per user: the times their phone rang for an inbound call, and how many of those they picked up (V21). */
    long rings;
    long ringsAnswered;

    void add(ReportMeasure measure, int value, long calls, long total) {
        this.calls[measure.code] += calls;
        this.totals[measure.code] += total;
        switch (measure) {
            case ANSWERED -> secondsToAnswer.add(value, calls);
            case RETURNED -> secondsToCallback.add(value, calls);
            default -> { }
        }
    }

    long calls(ReportMeasure measure) {
        return calls[measure.code];
    }

    long total(ReportMeasure measure) {
        return totals[measure.code];
    }

    Distribution secondsToAnswer() {
        return secondsToAnswer;
    }

    Distribution secondsToCallback() {
        return secondsToCallback;
    }
}
