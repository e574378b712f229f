package io.callrecords.accounts;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Requests per account per minute, in fixed one-minute windows, counted in this process.
 * Each app node counts its own share (see docs/adr/0002-rate-limit-per-node.md).
 */
@Component
class RateLimiter {

    /** What a request learns: the limit, what is left of it, and when the window resets (unix seconds). */
    record Decision(boolean allowed, int limit, int remaining, long resetEpochSecond) {}

    private record Window(long start, int used) {}

    private final ConcurrentHashMap<Long, Window> windows = new ConcurrentHashMap<>();
    private final Clock clock;

    RateLimiter(Clock clock) {
        this.clock = clock;
    }

    Decision acquire(long accountId, int limit) {
        long windowStart = clock.instant().getEpochSecond() / 60 * 60;
        Window window = windows.merge(accountId, new Window(windowStart, 1),
                (old, fresh) -> old.start() == windowStart ? new Window(windowStart, old.used() + 1) : fresh);
        boolean allowed = window.used() <= limit;
        return new Decision(allowed, limit, Math.max(0, limit - window.used()), windowStart + 60);
    }
}
