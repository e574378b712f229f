package io.callrecords.simulator;

import java.time.Instant;
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

    private final ServiceClient service;
    private final Options options;
    private final RecordingAttacher recordings;
    private final Progress progress;
    private final BatchSenders senders;
    private EventBatch batch = new EventBatch();

    public TrafficRun(ServiceClient service, Options options, RecordingAttacher recordings, Progress progress) {
        this.service = service;
        this.options = options;
        this.recordings = recordings;
        this.progress = progress;
        this.senders = new BatchSenders(service, options.connections(), recordings);
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
            batch = new EventBatch();
        }
    }
}
