package io.callrecords.webhooks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The data of a test event: a made-up answered inbound call in the record shape of call-records.md §1. */
final class SampleRecord {

    private SampleRecord() {}

    static Map<String, Object> data() {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("uuid", "00000000-0000-4000-8000-000000000000");
        r.put("direction", "inbound");
        r.put("number_id", 717);
        r.put("channel_type", "number");
        r.put("channel_id", 717);
        r.put("caller_number", "+905321234567");
        r.put("callee_number", "+908502010000");
        r.put("caller_type", "contact");
        r.put("caller_id", null);
        r.put("callee_type", "greeting");
        r.put("callee_id", 1);
        r.put("user_id", 42);
        r.put("contact_id", null);
        r.put("company_id", null);
        r.put("related_type", null);
        r.put("related_id", null);
        r.put("started_at", "2026-03-26T09:31:32Z");
        r.put("answered_at", "2026-03-26T09:31:32Z");
        r.put("bridged_at", "2026-03-26T09:31:44Z");
        r.put("ended_at", "2026-03-26T09:33:08Z");
        r.put("team_touch_at", "2026-03-26T09:31:38Z");
        r.put("first_touch_duration", 12);
        r.put("call_duration", 95);
        r.put("missing_call", false);
        r.put("missing_call_reason", null);
        r.put("hangup_by", "contact");
        r.put("record_url", null);
        r.put("voicemail_url", null);
        r.put("voicemail_id", null);
        r.put("voicemail_type", null);
        r.put("callback_user_id", null);
        r.put("callback_time", null);
        r.put("callback_cdr_uuid", null);
        r.put("updated_at", "2026-03-26T09:33:08Z");
        r.put("call_flow", List.of(
                Map.of("action", "hangup", "detail", Map.of("hangup_by", "contact"), "timestamp", 1774517588),
                Map.of("action", "bridge", "detail", Map.of("type", "user", "id", 42), "timestamp", 1774517504),
                Map.of("action", "init", "detail", Map.of("caller", Map.of("number", "+905321234567", "type", "contact")),
                        "timestamp", 1774517492)));
        return r;
    }
}
