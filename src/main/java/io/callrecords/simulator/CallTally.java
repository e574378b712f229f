package io.callrecords.simulator;

import java.util.EnumMap;
import java.util.Map;

/** Counts what was generated: calls by direction, missed calls by reason, returns, recordings. */
final class CallTally {

    long calls;
    long events;
    long inbound;
    long outbound;
    long internal;
    long returns;
    long recorded;
    final Map<MissedReason, Long> missed = new EnumMap<>(MissedReason.class);

    void count(SimulatedCall call) {
        calls++;
        events += call.events().size();
        switch (call.direction()) {
            case INBOUND -> inbound++;
            case OUTBOUND -> outbound++;
            case INTERNAL -> internal++;
        }
        if (call.returns() != null) {
            returns++;
        }
        if (call.recorded()) {
            recorded++;
        }
        if (call.missedReason() != null) {
            missed.merge(call.missedReason(), 1L, Long::sum);
        }
    }
}
