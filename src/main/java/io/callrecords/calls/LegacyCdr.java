package io.callrecords.calls;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A record in the shape of Hipcall's older API version {@code v20211124} ({@code resource_type: "cdr"}), which
 * older clients still read: enums as integers, times as {@code 2022-07-07T20:40:39+0000}, no contact as
 * {@code contact_id: 0}. Values that version had no number for (newer callee types, {@code denylist}) keep their
 * string. Its fields come first in its order; the fields added since follow, in the v3 shape's order.
 */
final class LegacyCdr {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxx")
            .withZone(ZoneOffset.UTC);
    private static final Map<String, Integer> DIRECTION = Map.of("inbound", 1, "outbound", 2, "internal", 3);
    private static final Map<String, Integer> CALLER_TYPE = Map.of("contact", 1, "user", 2);
    private static final Map<String, Integer> CALLEE_TYPE = Map.of("contact", 1, "user", 2, "greeting", 3, "team", 4);
    private static final Map<String, Integer> MISSING_CALL_REASON = Map.of("out_of_business_hours", 1,
            "short_abandoned", 2, "abandoned", 3, "callback", 4);
    private static final Map<String, Integer> HANGUP_BY = Map.of("user", 1, "contact", 2, "system", 3);
    private static final Map<String, Integer> VOICEMAIL_TYPE = Map.of("user", 1, "account", 2);
    private static final Map<String, Integer> CHANNEL_TYPE = Map.of("number", 1);

    private LegacyCdr() {}

    /** The legacy form of a record in the v3 wire shape ({@link CallRecordView}). */
    static Map<String, Object> of(Map<String, Object> record) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("resource_type", "cdr");
        out.put("uuid", record.get("uuid"));
        out.put("direction", number(DIRECTION, record.get("direction")));
        out.put("user_id", record.get("user_id"));
        out.put("contact_id", record.get("contact_id") == null ? 0L : record.get("contact_id"));
        out.put("channel_type", number(CHANNEL_TYPE, record.get("channel_type")));
        out.put("channel_id", record.get("channel_id"));
        for (String time : new String[] {"started_at", "answered_at", "bridged_at", "ended_at"}) {
            out.put(time, time(record.get(time)));
        }
        out.put("call_duration", record.get("call_duration"));
        out.put("first_touch_duration", record.get("first_touch_duration"));
        out.put("missing_call", record.get("missing_call"));
        Object reason = record.get("missing_call_reason");
        out.put("missing_call_reason", reason == null ? 0 : number(MISSING_CALL_REASON, reason));
        out.put("caller_id", record.get("caller_id"));
        out.put("caller_type", number(CALLER_TYPE, record.get("caller_type")));
        out.put("caller_number", record.get("caller_number"));
        out.put("callee_id", record.get("callee_id"));
        // "hangup" as the first endpoint had no number in this version: it was served as null
        Object calleeType = record.get("callee_type");
        out.put("callee_type", "hangup".equals(calleeType) ? null : number(CALLEE_TYPE, calleeType));
        out.put("callee_number", record.get("callee_number"));
        out.put("record_url", record.get("record_url"));
        out.put("hangup_by", number(HANGUP_BY, record.get("hangup_by")));
        for (String field : new String[] {"number_id", "company_id", "related_type", "related_id"}) {
            out.put(field, record.get(field));
        }
        out.put("team_touch_at", time(record.get("team_touch_at")));
        out.put("voicemail_url", record.get("voicemail_url"));
        out.put("voicemail_id", record.get("voicemail_id"));
        out.put("voicemail_type", number(VOICEMAIL_TYPE, record.get("voicemail_type")));
        for (String field : new String[] {"callback_user_id", "callback_time", "callback_cdr_uuid"}) {
            out.put(field, record.get(field));
        }
        out.put("updated_at", time(record.get("updated_at")));
        out.put("call_flow", record.get("call_flow"));
        return out;
    }

    /** The number of an enum value; a value the version had no number for stays its string, null stays null. */
    private static Object number(Map<String, Integer> numbers, Object value) {
        if (value == null) {
            return null;
        }
        Integer number = numbers.get(value.toString());
        return number == null ? value : number;
    }

    private static String time(Object wire) {
        return wire == null ? null : TIME.format(Instant.parse(wire.toString()));
    }
}
