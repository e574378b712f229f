package io.callrecords.calls;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One element of {@code call_flow}: an event as clients see it.
 *
 * @param detail     the event's detail in its JSON shape
 * @param timestamp  unix seconds of the event's {@code at}
 */
public record CallFlowEntry(CallAction action, Map<String, Object> detail, long timestamp) {

    public CallFlowEntry {
        detail = Collections.unmodifiableMap(new LinkedHashMap<>(detail)); // keeps the key order of the JSON
    }

    static CallFlowEntry of(CallEvent event) {
        return new CallFlowEntry(event.action(), event.detail().wire(), event.at().getEpochSecond());
    }
}
