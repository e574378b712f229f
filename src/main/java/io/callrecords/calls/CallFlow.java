package io.callrecords.calls;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code call_flow} of a {@link CallRecord}: its JSON text and its entries, each made from the other only when
 * asked for. A record read from the database keeps the text stored ({@code json}, not {@code jsonb}: the key order
 * clients see), which lists and the export send as is; parsing it only to write it again was a tenth of a list
 * request's CPU. The pages read the entries.
 */
public final class CallFlow {

    private static final JsonMapper JSON = JsonMapper.shared();
    private static final TypeReference<List<Map<String, Object>>> ENTRIES = new TypeReference<>() {};

    // either is made from the other at most a few times (a race makes it twice, harmlessly: both are immutable)
    private volatile String json;
    private volatile List<CallRecord.FlowEntry> entries;

    private CallFlow(String json, List<CallRecord.FlowEntry> entries) {
        this.json = json;
        this.entries = entries;
    }

    /** The flow of its stored JSON text, which is trusted to be a flow (the store wrote it). */
    static CallFlow ofJson(String json) {
        return new CallFlow(Objects.requireNonNull(json, "json"), null);
    }

    /** The flow of these entries, newest first. */
    public static CallFlow of(List<CallRecord.FlowEntry> entries) {
        return new CallFlow(null, List.copyOf(entries));
    }

    /** The JSON array, {@code [{"action", "detail", "timestamp"}, ...]}. */
    public String json() {
        if (json == null) {
            json = JSON.writeValueAsString(entries.stream().map(CallFlow::wire).toList());
        }
        return json;
    }

    /** The entries, newest first. */
    public List<CallRecord.FlowEntry> entries() {
        if (entries == null) {
            entries = JSON.readValue(json, ENTRIES).stream().map(CallFlow::entry).toList();
        }
        return entries;
    }

    /** An entry as the JSON has it: action, detail, timestamp, in that order. */
    static Map<String, Object> wire(CallRecord.FlowEntry entry) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("action", entry.action().wire());
        out.put("detail", entry.detail());
        out.put("timestamp", entry.timestamp());
        return out;
    }

    @SuppressWarnings("unchecked")
    private static CallRecord.FlowEntry entry(Map<String, Object> wire) {
        Object detail = wire.get("detail");
        return new CallRecord.FlowEntry(WireName.parse(CallAction.class, (String) wire.get("action")).orElseThrow(),
                detail instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of(),
                ((Number) wire.get("timestamp")).longValue());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CallFlow flow && json().equals(flow.json());
    }

    @Override
    public int hashCode() {
        return json().hashCode();
    }

    @Override
    public String toString() {
        return json();
    }
}
