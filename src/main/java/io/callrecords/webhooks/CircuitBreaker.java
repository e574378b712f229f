package io.callrecords.webhooks;

import io.callrecords.shared.Timestamps;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The health of one subscription's endpoint, from its attempts in the order they ended: after
 * {@code threshold} consecutive failures the circuit opens (no delivery starts until
 * {@code holdUntil}; then one probes, see {@link DeliveryClaims}); a success closes it; failing with no
 * success for {@code disableAfter} disables the subscription, as does a {@code 410 Gone}. A
 * {@code Retry-After} holds the subscription that long. Pure: the caller reads and writes the state.
 */
record CircuitBreaker(int threshold, Duration probeInterval, Duration disableAfter) {

    /** A subscription's delivery health, as stored on its row. */
    record State(String status, int consecutiveFailures, Instant failingSince, Instant holdUntil,
                 String disabledReason, Instant disabledAt) {

        boolean disabled() {
            return "disabled".equals(status);
        }

        State disable(String reason, Instant at) {
            return new State("disabled", consecutiveFailures, failingSince, null, reason, at);
        }
    }

    State apply(State state, List<AttemptOutcome> outcomes) {
        State s = state;
        for (AttemptOutcome o : outcomes) {
            if (s.disabled()) {
                return s; // a disabled subscription stays so until someone resumes it
            }
            if (o.kind() == AttemptOutcome.Kind.SUCCEEDED) {
                s = new State(s.status(), 0, null, null, null, null);
                continue;
            }
            if (o.kind() == AttemptOutcome.Kind.GONE) {
                s = s.disable("The endpoint answered 410 Gone at " + Timestamps.wire(o.endedAt()) + ".", o.endedAt());
                continue;
            }
            Instant hold = s.holdUntil();
            int failures = s.consecutiveFailures();
            Instant since = s.failingSince();
            if (o.kind() == AttemptOutcome.Kind.RETRY_AFTER) {
                hold = later(hold, o.endedAt().plus(o.retryAfter()));
            }
            if (o.endpointFailure()) {
                failures++;
                since = since == null ? o.endedAt() : since;
                if (failures >= threshold) {
                    hold = later(hold, o.endedAt().plus(probeInterval));
                }
            }
            s = new State(s.status(), failures, since, hold, null, null);
            if (since != null && !o.endedAt().isBefore(since.plus(disableAfter))) {
                s = s.disable("Every attempt failed since " + Timestamps.wire(since) + " (the last: " + o.summary() + ").", o.endedAt());
            }
        }
        return s;
    }

    /** Whether the circuit is open: deliveries wait for a probe to succeed. */
    boolean open(State state) {
        return state.consecutiveFailures() >= threshold;
    }

    private static Instant later(Instant a, Instant b) {
        return a == null || b.isAfter(a) ? b : a;
    }
}
