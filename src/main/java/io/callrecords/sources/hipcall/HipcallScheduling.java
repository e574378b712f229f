package io.callrecords.sources.hipcall;

import io.callrecords.shared.CallrecordsProperties;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs the Hipcall poller on the service only (not in CLI commands), on a thread of its own: a poll paces its requests
 * to Hipcall's rate limit and would hold up the service's other scheduled work if it shared their thread. It looks
 * for due accounts every 10 seconds, or every poll interval when that is shorter.
 */
@Component
@ConditionalOnProperty(name = "callrecords.mode", havingValue = "serve", matchIfMissing = true)
class HipcallScheduling implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(HipcallScheduling.class);
    private static final Duration MOST = Duration.ofSeconds(10);

    private final HipcallPoller poller;
    private final Duration tick;
    private volatile ScheduledExecutorService executor;

    HipcallScheduling(HipcallPoller poller, CallrecordsProperties properties) {
        this.poller = poller;
        Duration interval = properties.sources().hipcall().pollInterval();
        this.tick = interval.compareTo(MOST) < 0 ? interval : MOST;
    }

    @Override
    public void start() {
        executor = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("hipcall-poller").factory());
        executor.scheduleWithFixedDelay(() -> {
            try {
                poller.pollDue();
            } catch (RuntimeException e) {
                log.warn("The Hipcall poller's round failed; the next round tries again", e);
            }
        }, tick.toMillis(), tick.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        ScheduledExecutorService running = executor;
        if (running != null) {
            running.shutdownNow();
            executor = null;
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }
}
