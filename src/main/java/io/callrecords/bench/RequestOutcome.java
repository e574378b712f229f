package io.callrecords.bench;

/**
 * The outcome of one request of the overload benchmark's {@link MixedLoad}.
 *
 * @param status the answer's status; 0: no answer (refused, reset or timed out)
 * @param retryAfter whether the answer carried {@code Retry-After}
 * @param due when the request was due ({@link System#nanoTime()}): its latency counts from here
 * @param started when the generator got round to sending it
 * @param done when its answer was read, or it failed
 * @param events the call-flow events an intake request carried; 0 for the other kinds
 */
record RequestOutcome(MixedLoad.Kind kind, int status, boolean retryAfter, long due, long started, long done,
                      int events) {

    boolean statusIn(int from, int to) {
        return status >= from && status <= to;
    }

    /** From when it was due to its answer, in nanoseconds: the generator's own lateness counts against the service. */
    long latencyNanos() {
        return done - due;
    }

    /** How late the generator started it, in nanoseconds. */
    long lateNanos() {
        return started - due;
    }
}
