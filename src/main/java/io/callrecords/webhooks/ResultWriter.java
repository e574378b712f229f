package io.callrecords.webhooks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Batches attempt outcomes: one thread takes whatever has accumulated and writes it in one
 * transaction ({@link DeliveryResults}), so under load many outcomes share a commit and when idle
 * each is written at once. A write that fails is tried again; outcomes lost in a crash only mean
 * the deliveries are sent again when their leases run out (at least once, same webhook-id).
 */
@Component
class ResultWriter {

    private static final Logger log = LoggerFactory.getLogger(ResultWriter.class);
    private static final int MAX_BATCH = 1000;

    private final DeliveryResults results;
    private final LinkedBlockingQueue<AttemptOutcome> queue = new LinkedBlockingQueue<>();
    private volatile boolean running;
    private Thread thread;
    private Runnable afterWrite = () -> {};

    ResultWriter(DeliveryResults results) {
        this.results = results;
    }

    void add(AttemptOutcome outcome) {
        queue.add(outcome);
    }

    /** @param afterWrite run after each batch is committed (the dispatcher claims what it made due) */
    void start(Runnable afterWrite) {
        this.afterWrite = afterWrite;
        running = true;
        thread = Thread.ofPlatform().name("webhook-results").daemon().start(this::run);
    }

    private void run() {
        while (running || !queue.isEmpty()) {
            try {
                AttemptOutcome first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                List<AttemptOutcome> batch = new ArrayList<>(List.of(first));
                queue.drainTo(batch, MAX_BATCH - 1);
                writeUntilDone(batch);
                afterWrite.run();
            } catch (InterruptedException e) {
                if (!running) {
                    drainOnce();
                    return;
                }
            }
        }
    }

    private void writeUntilDone(List<AttemptOutcome> batch) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                results.write(batch);
                return;
            } catch (RuntimeException e) {
                if (!running && attempt >= 3) {
                    log.error("Dropping {} webhook attempt outcomes at shutdown; their deliveries are sent again", batch.size(), e);
                    return;
                }
                log.warn("Writing {} webhook attempt outcomes failed (try {}); trying again: {}", batch.size(), attempt, e.toString());
                Thread.sleep(Math.min(5_000, 100L * attempt));
            }
        }
    }

    private void drainOnce() {
        List<AttemptOutcome> rest = new ArrayList<>();
        queue.drainTo(rest);
        if (!rest.isEmpty()) {
            try {
                results.write(rest);
            } catch (RuntimeException e) {
                log.warn("Could not write {} webhook outcomes at shutdown; their deliveries are sent again", rest.size());
            }
        }
    }

    /** Writes what is queued, then stops. */
    void stop() {
        running = false;
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
