package io.callrecords.calls;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Writes one call's events as the platform sends them (JSON), for HTTP tests (of other modules too). */
public final class FlowJson {

    public static final String ACCOUNT_NUMBER = "+908502010000";

    private final UUID call;
    private final Instant start;
    private final List<String> events = new ArrayList<>();
    private Instant clock;

    private FlowJson(UUID call, Instant start) {
        this.call = call;
        this.start = start;
        this.clock = start;
    }

    public static FlowJson call(String startsAt) {
        return call(UUID.randomUUID(), startsAt);
    }

    public static FlowJson call(UUID uuid, String startsAt) {
        return new FlowJson(uuid, Instant.parse(startsAt));
    }

    public UUID uuid() {
        return call;
    }

    /** Moves the clock to this many milliseconds after the start. */
    public FlowJson at(long millisAfterStart) {
        clock = start.plusMillis(millisAfterStart);
        return this;
    }

    public FlowJson inbound(String callerNumber) {
        return event("init", """
                {"caller": {"number": "%s", "type": "contact"}, "callee": {"number": "%s", "type": "greeting", "id": 1},
                 "number_id": 717, "channel_type": "number", "channel_id": 717}""".formatted(callerNumber, ACCOUNT_NUMBER));
    }

    public FlowJson outbound(long userId, String calleeNumber) {
        return event("init", """
                {"caller": {"number": "101", "type": "user", "id": %d}, "callee": {"number": "%s", "type": "contact"},
                 "number_id": 717, "channel_type": "number", "channel_id": 717}""".formatted(userId, calleeNumber));
    }

    public FlowJson event(String action, String detail) {
        events.add("""
                {"id": "%s-%d", "call_uuid": "%s", "action": "%s", "at": "%s", "detail": %s}"""
                .formatted(call, events.size() + 1, call, action, clock, detail.strip()));
        return this;
    }

    public FlowJson answer(String type, long id) {
        return event("answer", "{\"type\": \"%s\", \"id\": %d}".formatted(type, id));
    }

    public FlowJson bridge(long user) {
        return event("bridge", "{\"type\": \"user\", \"id\": %d}".formatted(user));
    }

    public FlowJson hangup(String by) {
        return event("hangup", "{\"hangup_by\": \"%s\"}".formatted(by));
    }

    public List<String> events() {
        return List.copyOf(events);
    }

    public String array() {
        return "[" + String.join(",", events) + "]";
    }

    public static String array(List<String> events) {
        return "[" + String.join(",", events) + "]";
    }

    public String ndjson() {
        return String.join("\n", events.stream().map(e -> e.replace("\n", " ")).toList()) + "\n";
    }
}
