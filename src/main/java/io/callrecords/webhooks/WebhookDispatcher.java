package io.callrecords.webhooks;

import io.callrecords.shared.CallrecordsProperties;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Sends due deliveries: a loop claims what this node has room for ({@link DeliveryClaims}) and
 * hands each delivery to its own virtual thread, which sends it ({@link WebhookSender}) and passes
 * the outcome to the {@link ResultWriter}. The loop wakes on a NOTIFY ({@link WebhookWakeups}),
 * when a slot frees, and at the poll interval as a backstop. In-flight requests are counted per
 * subscription, so a hanging endpoint fills only its own slots.
 */
@Component
class WebhookDispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

    /** How often the repair sweep of {@link CallOrder} runs (on every node; it is idempotent). */
    private static final long SWEEP_EVERY_NANOS = 30_000_000_000L;
    /**
     * Claim rounds that found little start at most this often: under a steady trickle every commit
     * sends a NOTIFY, and a round per NOTIFY would spend more on claiming than on sending. A few
     * milliseconds let deliveries gather into one round.
     */
    private static final long MIN_ROUND_GAP_NANOS = 5_000_000L;

    private final DeliveryClaims claims;
    private final CallOrder order;
    private long lastSweep = System.nanoTime();
    private final WebhookSender sender;
    private final ResultWriter results;
    private final WebhookMetrics metrics;
    private final CallrecordsProperties.Webhooks settings;
    private final boolean enabled;
    private final Semaphore wakeups = new Semaphore(0);
    private final ConcurrentHashMap<Long, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    private final AtomicInteger total = new AtomicInteger();
    private volatile boolean running;
    private Thread loop;
    private ExecutorService senders;

    WebhookDispatcher(DeliveryClaims claims, CallOrder order, WebhookSender sender, ResultWriter results,
                      WebhookMetrics metrics, CallrecordsProperties properties) {
        this.claims = claims;
        this.order = order;
        this.sender = sender;
        this.results = results;
        this.metrics = metrics;
        this.settings = properties.webhooks();
        this.enabled = settings.dispatcherEnabled() && !properties.cli();
    }

    /** Something may have become due: claim again now rather than at the next poll. */
    void wake() {
        if (wakeups.availablePermits() == 0) {
            wakeups.release();
        }
    }

    @Override
    public void start() {
        if (!enabled) {
            return;
        }
        running = true;
        senders = Executors.newVirtualThreadPerTaskExecutor();
        results.start(this::wake);
        loop = Thread.ofPlatform().name("webhook-dispatcher").daemon().start(this::run);
    }

    private void run() {
        long lastRound = 0;
        while (running) {
            try {
                if (System.nanoTime() - lastSweep > SWEEP_EVERY_NANOS) {
                    lastSweep = System.nanoTime();
                    order.sweep();
                }
                long gap = System.nanoTime() - lastRound;
                if (gap < MIN_ROUND_GAP_NANOS) {
                    Thread.sleep(Duration.ofNanos(MIN_ROUND_GAP_NANOS - gap));
                }
                lastRound = System.nanoTime();
                wakeups.drainPermits(); // this round sees whatever the wake-ups so far announced
                int claimed = claimOnce();
                if (claimed < settings.maxInFlightPerSubscription()) {
                    wakeups.tryAcquire(settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.warn("Claiming webhook deliveries failed; trying again shortly: {}", e.toString());
                sleep();
            }
        }
    }

    private int claimOnce() {
        int room = settings.maxInFlight() - total.get();
        int perSubscription = settings.maxInFlightPerSubscription();
        Set<Long> full = new HashSet<>();
        inFlight.forEach((subscription, count) -> {
            if (count.get() >= perSubscription) {
                full.add(subscription);
            }
        });
        List<ClaimedDelivery> claimed = claims.claim(full,
                s -> perSubscription - inFlight.getOrDefault(s, new AtomicInteger()).get(), room);
        Map<SharedBody.Key, SharedBody> bodies = new HashMap<>();
        for (ClaimedDelivery d : claimed) {
            inFlight.computeIfAbsent(d.subscriptionId(), s -> new AtomicInteger()).incrementAndGet();
            total.incrementAndGet();
            SharedBody body = bodies.computeIfAbsent(SharedBody.Key.of(d), k -> sender.body(d));
            senders.submit(() -> send(d, body));
        }
        return claimed.size();
    }

    private void send(ClaimedDelivery d, SharedBody body) {
        try {
            AttemptOutcome outcome = sender.attempt(d, body);
            metrics.attempted(outcome);
            results.add(outcome);
        } catch (RuntimeException e) {
            log.error("Sending webhook delivery {} failed unexpectedly; its lease will let it be retried", d.id(), e);
        } finally {
            // Only a slot that was the last free one can let more be claimed now; new work itself
            // announces itself (NOTIFY from the outbox and from each result write).
            boolean wasFull = inFlight.get(d.subscriptionId()).getAndDecrement() >= settings.maxInFlightPerSubscription()
                    | total.getAndDecrement() >= settings.maxInFlight();
            if (wasFull) {
                wake();
            }
        }
    }

    private void sleep() {
        try {
            Thread.sleep(settings.pollInterval().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops claiming, lets requests in flight end (up to the request timeout) and writes their outcomes. */
    @Override
    public void stop() {
        if (!running) {
            return;
        }
        running = false;
        loop.interrupt();
        senders.shutdown();
        try {
            senders.awaitTermination(settings.timeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
            loop.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        results.stop();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stop before the web server's graceful shutdown ends and long before the database pool closes. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 1024;
    }
}
