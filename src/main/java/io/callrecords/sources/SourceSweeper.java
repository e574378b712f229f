package io.callrecords.sources;

import io.callrecords.shared.CallrecordsProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Translates the calls no request will: those a crash left pending between acknowledging and translating, and those
 * the platform never finished, once their quiet period has passed (sources.md §3). On several nodes at once a call is
 * translated twice at worst, one after the other under its row lock, and the second finds nothing to change.
 */
@Component
class SourceSweeper {

    /** A request translates its own documents within this; a call pending longer was left by a crash. */
    static final Duration PENDING_GRACE = Duration.ofMinutes(1);
    private static final int BATCH = 1_000;

    private final SourceCalls calls;
    private final SourceIntake intake;
    private final Clock clock;
    private final Duration quietPeriod;

    SourceSweeper(SourceCalls calls, SourceIntake intake, Clock clock, CallrecordsProperties properties) {
        this.calls = calls;
        this.intake = intake;
        this.clock = clock;
        this.quietPeriod = properties.sources().quietPeriod();
    }

    /**
     * Returns how many calls it translated. One batch a round: a translation always clears what made its call due
     * (pending, or unfinished past the quiet period), and what is left waits for the next round rather than keeping
     * this one busy.
     */
    int sweep() {
        Instant now = clock.instant();
        List<SourceCalls.Due> due = calls.due(now.minus(PENDING_GRACE), now.minus(quietPeriod), BATCH);
        due.forEach(call -> intake.translate(call.accountId(), call.source(), call.callKey()));
        return due.size();
    }
}
