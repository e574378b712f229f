package io.callrecords.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/** Writes the events of one call, each at a number of milliseconds after the call started. */
final class FlowWriter {

    private final UUID call;
    private final Instant start;
    private final List<SimulatedEvent> events = new ArrayList<>();
    private long end;

    FlowWriter(UUID call, Instant start) {
        this.call = call;
        this.start = start;
    }

    FlowWriter at(long millis, String action, String detail) {
        events.add(new SimulatedEvent(call + "-" + events.size(), call, action, start.plusMillis(millis), detail));
        end = Math.max(end, millis);
        return this;
    }

    /** Milliseconds from the start to the last event: the hangup, in every flow. */
    long end() {
        return end;
    }

    /** The events in the order they happened; events of the same millisecond stay in the order written. */
    List<SimulatedEvent> events() {
        List<SimulatedEvent> sorted = new ArrayList<>(events);
        sorted.sort(Comparator.comparing(SimulatedEvent::at));
        return sorted;
    }

    static String init(String callerNumber, String callerType, Long callerId, String calleeNumber, String calleeType,
                       Long calleeId, Long numberId) {
        StringBuilder out = new StringBuilder(200).append("{\"caller\":").append(party(callerNumber, callerType, callerId))
                .append(",\"callee\":").append(party(calleeNumber, calleeType, calleeId));
        if (numberId != null) {
            out.append(",\"number_id\":").append(numberId).append(",\"channel_type\":\"number\",\"channel_id\":")
                    .append(numberId);
        }
        return out.append('}').toString();
    }

    private static String party(String number, String type, Long id) {
        return "{\"number\":\"" + number + "\",\"type\":\"" + type + "\"" + (id == null ? "" : ",\"id\":" + id) + "}";
    }

    /** The detail of {@code route} and {@code answer}. */
    static String endpoint(String type, Long id) {
        return "{\"type\":\"" + type + "\"" + (id == null ? "" : ",\"id\":" + id) + "}";
    }

    /** The detail of {@code bridge_attempt} and {@code bridge}. */
    static String user(long id) {
        return "{\"type\":\"user\",\"id\":" + id + "}";
    }

    static String bridgeFail(long user, String result) {
        return "{\"type\":\"user\",\"id\":" + user + ",\"result\":\"" + result + "\"}";
    }

    static String voicemail(String boxType, long box) {
        return "{\"type\":\"" + boxType + "\",\"id\":" + box + "}";
    }

    static String callbackRequest(long team) {
        return "{\"team_id\":" + team + "}";
    }

    static String hangup(String by) {
        return "{\"hangup_by\":\"" + by + "\"}";
    }
}
