package io.callrecords.demo;

import io.callrecords.simulator.GeneratedAudioUploader;
import io.callrecords.simulator.RecordingAttacher;
import io.callrecords.simulator.ServiceClient;
import io.callrecords.simulator.SimulatedCall;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The demo's audio: generated tones for the recordings and voicemails of its most recent calls (those that started
 * after {@code from}), up to a budget, so that the calls people open first, the newest, are the ones that play; and
 * the newest answered, recorded call that got its audio, for the banner to show.
 */
final class DemoAudio implements RecordingAttacher {

    private final Instant from;
    private final AtomicInteger budget;
    private final GeneratedAudioUploader uploader = new GeneratedAudioUploader(Integer.MAX_VALUE);
    private SimulatedCall newestRecorded;

    DemoAudio(Instant from, int limit) {
        this.from = from;
        this.budget = new AtomicInteger(limit);
    }

    @Override
    public void attach(SimulatedCall call, ServiceClient service) {
        if (call.startedAt().isBefore(from) || budget.getAndDecrement() <= 0) {
            return;
        }
        uploader.attach(call, service);
        if (call.recorded() && call.connectedUser() != null
                && call.direction() == SimulatedCall.Direction.INBOUND) {
            noteRecorded(call);
        }
    }

    /** The uuid of the newest answered inbound call whose recording was attached; null for none. */
    synchronized String newestRecordedCall() {
        return newestRecorded == null ? null : newestRecorded.uuid().toString();
    }

    // the batch senders attach from more than one thread
    private synchronized void noteRecorded(SimulatedCall call) {
        if (newestRecorded == null || call.startedAt().isAfter(newestRecorded.startedAt())) {
            newestRecorded = call;
        }
    }
}
