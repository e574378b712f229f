package io.callrecords.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The end of a run: what was generated and how the service took it.
 *
 * @param rejectedEvents   events of requests the service refused (a 422 refuses a whole request)
 * @param failedRequests   requests that were not accepted
 * @param throttled        answers {@code 429} that were waited out and retried
 * @param errors           the first few refusals, as the service worded them
 */
public record RunSummary(long calls, long events, long inbound, long outbound, long internal, long returns,
                         Map<MissedReason, Long> missed, long recorded, boolean recordingsAttached, long accepted,
                         long duplicates, long rejectedEvents, long failedRequests, long throttled, double seconds,
                         List<String> errors) {

    public RunSummary {
        missed = Map.copyOf(missed);
        errors = List.copyOf(errors);
    }

    public boolean clean() {
        return rejectedEvents == 0 && failedRequests == 0;
    }

    public long missedCalls() {
        return missed.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The summary as a few lines for a terminal. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        double elapsed = Math.max(seconds, 0.001);
        lines.add("Sent %,d calls (%,d events) in %.1f s: %,.0f calls/s, %,.0f events/s.".formatted(calls, events,
                seconds, calls / elapsed, events / elapsed));
        lines.add("Service: %,d events accepted, %,d duplicates, %,d rejected in %,d failed requests%s.".formatted(
                accepted, duplicates, rejectedEvents, failedRequests,
                throttled == 0 ? "" : " (%,d answers 429 waited out and retried)".formatted(throttled)));
        StringBuilder reasons = new StringBuilder();
        for (MissedReason reason : MissedReason.values()) {
            long n = missed.getOrDefault(reason, 0L);
            if (n > 0) {
                reasons.append(reasons.isEmpty() ? "" : ", ").append("%,d %s".formatted(n, reason.words()));
            }
        }
        lines.add("Calls: %,d inbound (%,d missed%s), %,d outbound (%,d returning missed calls), %,d internal.".formatted(
                inbound, missedCalls(), reasons.isEmpty() ? "" : ": " + reasons, outbound, returns, internal));
        lines.add(recordingsAttached ? "Recordings: %,d calls recorded; generated audio attached to recordings and voicemails.".formatted(recorded)
                : "Recordings: %,d calls were recorded; no audio was attached.".formatted(recorded));
        errors.forEach(e -> lines.add("Error: " + e));
        return lines;
    }
}
