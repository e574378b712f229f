package io.callrecords.simulator;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Sends simulated traffic to a service: the events of all calls in the order they happen, in NDJSON batches
 * over a few connections, either as fast as the service takes them or at a given rate of new calls. At a
 * rate, a batch also goes out when it has waited a quarter of a second, so events arrive about when they
 * "happen" in the compressed time; with more than one connection, neighbouring batches may be stored in
 * another order, which the service is built to handle (call-records.md §2).
 */
public final class TrafficRun {

    /** @param callsPerSecond new calls per second, or 0 for as fast as possible */
    public record Options(int batchEvents, int connections, double callsPerSecond) {}

    /** Told how far the run is. */
    public interface Progress {
        Progress NONE = new Progress() {
            @Override
            public void advanced(Instant simulated, long calls, long errors) {}

            @Override
            public void finished(long calls, long errors) {}
        };

        void advanced(Instant simulated, long calls, long errors);

        void finished(long calls, long errors);
    }

    private static final long FLUSH_NANOS = 250_000_000;
    private static final int KEPT_ERRORS = 3;

    private final ServiceClient service;
    private final Options options;
    private final RecordingAttacher recordings;
    private final Progress progress;
    private final BatchSenders senders;
    private Batch batch = new Batch();

    public TrafficRun(ServiceClient service, Options options, RecordingAttacher recordings, Progress progress) {
        this.service = service;
        this.options = options;
        this.recordings = recordings;
        this.progress = progress;
        this.senders = new BatchSenders();
    }

    /** Sends all of {@code traffic}; {@code observer} sees each call as it is generated. */
    public RunSummary send(TrafficSimulation traffic, Consumer<SimulatedCall> observer) {
        CallTally tally = new CallTally();
        EventTimeline timeline = new EventTimeline(traffic, call -> {
            tally.count(call);
            observer.accept(call);
        });
        long started = System.nanoTime();
        senders.start();
        long callsStarted = 0;
        try {
            while (timeline.hasNext() && senders.fatal.get() == null) {
                EventTimeline.Timed timed = timeline.next();
                if (timed.first()) {
                    callsStarted++;
                    if (options.callsPerSecond() > 0) {
                        waitUntil(started + (long) ((callsStarted - 1) / options.callsPerSecond() * 1e9));
                    }
                }
                batch.add(timed, traffic.center());
                if (batch.events >= options.batchEvents()
                        || options.callsPerSecond() > 0 && System.nanoTime() - batch.opened >= FLUSH_NANOS) {
                    dispatch();
                }
                progress.advanced(timed.event().at(), callsStarted, senders.failedRequests.get());
            }
            dispatch();
        } finally {
            senders.finish();
        }
        if (senders.fatal.get() != null) {
            throw senders.fatal.get();
        }
        progress.finished(callsStarted, senders.failedRequests.get());
        return new RunSummary(tally.calls, tally.events, tally.inbound, tally.outbound, tally.internal, tally.returns,
                tally.missed, tally.recorded, recordings.attaches(), senders.accepted.get(), senders.duplicates.get(),
                senders.rejectedEvents.get(), senders.failedRequests.get(), service.throttled(),
                (System.nanoTime() - started) / 1e9, senders.errors);
    }

    /** Waits for a new call's moment; a batch that has waited long enough goes out meanwhile. */
    private void waitUntil(long dueNanos) {
        for (long now = System.nanoTime(); now < dueNanos; now = System.nanoTime()) {
            if (batch.events > 0 && now - batch.opened >= FLUSH_NANOS) {
                dispatch();
            }
            try {
                Thread.sleep(Math.max(1, Math.min(50, (dueNanos - now) / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SimulationException("Interrupted.");
            }
        }
    }

    private void dispatch() {
        if (batch.events > 0) {
            senders.put(batch);
            batch = new Batch();
        }
    }

    /** Events on their way in one request, and the recorded calls whose hangup is among them. */
    private static final class Batch {
        final StringBuilder ndjson = new StringBuilder(256 * 1024);
        final List<SimulatedCall> recordedEnded = new ArrayList<>();
        final long opened = System.nanoTime();
        int events;

        void add(EventTimeline.Timed timed, CallCenter center) {
            timed.event().appendJson(ndjson, center.zone());
            events++;
            if (timed.last() && timed.call().recorded()) {
                recordedEnded.add(timed.call());
            }
        }
    }

    /** Threads, one per connection, that post batches and count what the service answered. */
    private final class BatchSenders {
        private static final Batch DONE = new Batch();
        final AtomicLong accepted = new AtomicLong();
        final AtomicLong duplicates = new AtomicLong();
        final AtomicLong rejectedEvents = new AtomicLong();
        final AtomicLong failedRequests = new AtomicLong();
        final AtomicReference<SimulationException> fatal = new AtomicReference<>();
        final List<String> errors = Collections.synchronizedList(new ArrayList<>());
        private final BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(Math.max(2, options.connections() * 2));
        private final List<Thread> threads = new ArrayList<>();

        void start() {
            for (int i = 0; i < options.connections(); i++) {
                threads.add(Thread.ofPlatform().name("simulate-sender-" + i).daemon().start(this::work));
            }
        }

        void put(Batch batch) {
            try {
                queue.put(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SimulationException("Interrupted.");
            }
        }

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
                for (Batch b = queue.take(); b != DONE; b = queue.take()) {
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

        private void post(Batch b) {
            ServiceClient.Answer answer = service.postEvents(b.ndjson.toString().getBytes(StandardCharsets.UTF_8));
            if (answer.status() == 202) {
                accepted.addAndGet(answer.body().path("data").path("accepted").asLong());
                duplicates.addAndGet(answer.body().path("data").path("duplicates").asLong());
                b.recordedEnded.forEach(call -> recordings.attach(call, service));
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
}
