package io.callrecords.simulator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** Threads, one per connection, that post batches of events and count what the service answered. */
final class BatchSenders {

    private static final EventBatch DONE = new EventBatch();
    private static final int KEPT_ERRORS = 3;

    final AtomicLong accepted = new AtomicLong();
    final AtomicLong duplicates = new AtomicLong();
    final AtomicLong rejectedEvents = new AtomicLong();
    final AtomicLong failedRequests = new AtomicLong();
    /** Set when the run cannot go on (the service gone, the key refused); the run stops and reports it. */
    final AtomicReference<SimulationException> fatal = new AtomicReference<>();
    final List<String> errors = Collections.synchronizedList(new ArrayList<>());

    private final ServiceClient service;
    private final int connections;
    private final RecordingAttacher recordings;
    private final BlockingQueue<EventBatch> queue;
    private final List<Thread> threads = new ArrayList<>();

    BatchSenders(ServiceClient service, int connections, RecordingAttacher recordings) {
        this.service = service;
        this.connections = connections;
        this.recordings = recordings;
        this.queue = new ArrayBlockingQueue<>(Math.max(2, connections * 2));
    }

    void start() {
        for (int i = 0; i < connections; i++) {
            threads.add(Thread.ofPlatform().name("simulate-sender-" + i).daemon().start(this::work));
        }
    }

    /** Hands a batch to the next free connection; waits while all are busy (that is the back-pressure). */
    void put(EventBatch batch) {
        try {
            queue.put(batch);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SimulationException("Interrupted.");
        }
    }

    /** Waits until every batch handed over has been answered. */
    void finish() {
        threads.forEach(t -> put(DONE));
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void work() {
        // After a fatal error the thread keeps taking batches (and drops them), so nobody waits on a full queue.
        try {
            for (EventBatch b = queue.take(); b != DONE; b = queue.take()) {
                if (fatal.get() != null) {
                    continue;
                }
                try {
                    post(b);
                } catch (SimulationException e) {
                    fatal.compareAndSet(null, e);
                } catch (RuntimeException e) {
                    fatal.compareAndSet(null, new SimulationException("Sending failed: " + e));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void post(EventBatch b) {
        ServiceClient.Answer answer = service.postEvents(b.ndjson.toString().getBytes(StandardCharsets.UTF_8));
        if (answer.status() == 202) {
            accepted.addAndGet(answer.body().path("data").path("accepted").asLong());
            duplicates.addAndGet(answer.body().path("data").path("duplicates").asLong());
            b.endedWithAudio.forEach(call -> recordings.attach(call, service));
            return;
        }
        failedRequests.incrementAndGet();
        rejectedEvents.addAndGet(b.events);
        if (errors.size() < KEPT_ERRORS) {
            String body = answer.raw() == null ? "" : answer.raw();
            errors.add("a batch of " + b.events + " events was refused with " + answer.status() + ": "
                    + body.substring(0, Math.min(500, body.length())));
        }
    }
}
