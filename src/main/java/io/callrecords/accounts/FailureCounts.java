package io.callrecords.accounts;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failures per key (an address, an account and address) in a window that starts at the key's first failure, counted
 * in this process. Windows that ended are forgotten now and then, so that many addresses do not pile up.
 */
final class FailureCounts {

    /** Above this many keys, ended windows are swept (at most once a second). */
    private static final int SWEEP_ABOVE = 10_000;

    private record Window(long startMillis, int failures) {}

    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();
    private final long windowMillis;
    private volatile long lastSweep;

    FailureCounts(Duration window) {
        this.windowMillis = window.toMillis();
    }

    void fail(String key, long nowMillis) {
        windows.merge(key, new Window(nowMillis, 1), (old, first) -> nowMillis - old.startMillis() < windowMillis
                ? new Window(old.startMillis(), old.failures() + 1) : first);
        if (windows.size() > SWEEP_ABOVE && nowMillis - lastSweep > 1000) {
            lastSweep = nowMillis;
            windows.values().removeIf(w -> nowMillis - w.startMillis() >= windowMillis);
        }
    }

    /** How long {@code key} stays locked, when it has had {@code limit} failures in its current window. */
    Optional<Duration> lockedFor(String key, int limit, long nowMillis) {
        Window window = windows.get(key);
        if (window == null || window.failures() < limit || nowMillis - window.startMillis() >= windowMillis) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofMillis(window.startMillis() + windowMillis - nowMillis));
    }

    int size() {
        return windows.size();
    }
}
