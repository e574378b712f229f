package io.callrecords.simulator;

import java.util.ArrayList;
import java.util.List;

/** Events on their way in one request (NDJSON), and the calls with audio (recording, voicemail) whose hangup is among them. */
final class EventBatch {

    final StringBuilder ndjson = new StringBuilder(256 * 1024);
    final List<SimulatedCall> endedWithAudio = new ArrayList<>();
    /** When the first event went in: a paced run sends a batch that has waited long enough. */
    long opened;
    int events;

    void add(EventTimeline.Timed timed, CallCenter center) {
        if (events == 0) {
            opened = System.nanoTime();
        }
        timed.event().appendJson(ndjson, center.zone());
        events++;
        if (timed.last() && (timed.call().recorded() || timed.call().leftVoicemail())) {
            endedWithAudio.add(timed.call());
        }
    }
}
