package io.callrecords.simulator;

import java.util.ArrayList;
import java.util.List;

/** Events on their way in one request (NDJSON), and the recorded calls whose hangup is among them. */
final class EventBatch {

    final StringBuilder ndjson = new StringBuilder(256 * 1024);
    final List<SimulatedCall> recordedEnded = new ArrayList<>();
    /** When the first event went in: a paced run sends a batch that has waited long enough. */
    long opened;
    int events;

    void add(EventTimeline.Timed timed, CallCenter center) {
        if (events == 0) {
            opened = System.nanoTime();
        }
        timed.event().appendJson(ndjson, center.zone());
        events++;
        if (timed.last() && timed.call().recorded()) {
            recordedEnded.add(timed.call());
        }
    }
}
