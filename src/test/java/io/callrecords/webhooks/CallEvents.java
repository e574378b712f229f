package io.callrecords.webhooks;

import java.time.Instant;
import java.util.UUID;

/** Call-flow events as the telephony platform posts them, for webhook tests. */
final class CallEvents {

    private CallEvents() {}

    static String init(UUID call, Instant at) {
        return event(call, "init", at, """
                {"caller": {"number": "+905321234567", "type": "contact"}, "callee": {"number": "+908502010000",
                 "type": "greeting", "id": 1}, "number_id": 717, "channel_type": "number", "channel_id": 717}""");
    }

    static String bridge(UUID call, Instant at) {
        return event(call, "bridge", at, "{\"type\": \"user\", \"id\": 42}");
    }

    static String hangup(UUID call, Instant at) {
        return event(call, "hangup", at, "{\"hangup_by\": \"contact\"}");
    }

    /** init, bridge and hangup of one answered call: call_init, call_bridged, call_hangup. */
    static String answeredCall(UUID call, Instant start) {
        return "[" + init(call, start) + "," + bridge(call, start.plusSeconds(5)) + "," + hangup(call, start.plusSeconds(60)) + "]";
    }

    private static String event(UUID call, String action, Instant at, String detail) {
        return """
                {"id": "%s-%s", "call_uuid": "%s", "action": "%s", "at": "%s", "detail": %s}"""
                .formatted(call, action, call, action, at, detail.replace("\n", " "));
    }
}
