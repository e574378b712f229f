package io.callrecords.webhooks;

import io.callrecords.calls.CallAction;
import io.callrecords.calls.CallFlow;
import io.callrecords.calls.CallRecord;
import io.callrecords.calls.CallRecord.FlowEntry;
import io.callrecords.calls.Direction;
import io.callrecords.calls.EndpointType;
import io.callrecords.calls.HangupBy;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The data of a test event: a made-up answered inbound call, a {@link CallRecord} like any other, so that it is
 * written in the shape of every record served. Its call flow is what the derivation makes of the events of that
 * call (init, bridge, hangup).
 */
final class SampleRecord {

    private static final Instant STARTED = Instant.parse("2026-03-26T09:31:32Z");
    private static final Instant BRIDGED = Instant.parse("2026-03-26T09:31:44Z");
    private static final Instant ENDED = Instant.parse("2026-03-26T09:33:08Z");

    private SampleRecord() {}

    static CallRecord data() {
        return new CallRecord(UUID.fromString("00000000-0000-4000-8000-000000000000"), Direction.INBOUND, 717L,
                "number", 717L, "+905321234567", "+908502010000", EndpointType.CONTACT, null, EndpointType.GREETING,
                1L, 42L, null, null, null, null, STARTED, STARTED, BRIDGED, ENDED,
                Instant.parse("2026-03-26T09:31:38Z"), 12, 95, false, null, HangupBy.CONTACT, null, null, null, null,
                null, null, null, false, ENDED, CallFlow.of(List.of(
                        new FlowEntry(CallAction.HANGUP, Map.of("hangup_by", "contact"), ENDED.getEpochSecond()),
                        new FlowEntry(CallAction.BRIDGE, ordered("id", 42, "type", "user"), BRIDGED.getEpochSecond()),
                        new FlowEntry(CallAction.INIT, ordered("id", 1, "type", "greeting"), STARTED.getEpochSecond()))));
    }

    /** A JSON object with its keys in the order given. */
    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
