package io.callrecords.calls;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.util.RawValue;

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

    /** The legacy form of a record. */
    static Map<String, Object> of(CallRecord record) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("resource_type", "cdr");
        out.put("uuid", record.uuid().toString());
        out.put("direction", number(DIRECTION, record.direction()));
        out.put("user_id", record.userId());
        out.put("contact_id", record.contactId() == null ? 0L : record.contactId());
        out.put("channel_type", number(CHANNEL_TYPE, record.channelType()));
        out.put("channel_id", record.channelId());
        out.put("started_at", time(record.startedAt()));
        out.put("answered_at", time(record.answeredAt()));
        out.put("bridged_at", time(record.bridgedAt()));
        out.put("ended_at", time(record.endedAt()));
        out.put("call_duration", record.callDuration());
        out.put("first_touch_duration", record.firstTouchDuration());
        out.put("missing_call", record.missingCall());
        MissingCallReason reason = record.missingCallReason();
        out.put("missing_call_reason", reason == null ? 0 : number(MISSING_CALL_REASON, reason));
        out.put("caller_id", record.callerId());
        out.put("caller_type", number(CALLER_TYPE, record.callerType()));
        out.put("caller_number", record.callerNumber());
        out.put("callee_id", record.calleeId());
        // "hangup" as the first endpoint had no number in this version: it was served as null
        EndpointType calleeType = record.calleeType();
        out.put("callee_type", calleeType == EndpointType.HANGUP ? null : number(CALLEE_TYPE, calleeType));
        out.put("callee_number", record.calleeNumber());
        out.put("record_url", record.recordUrl());
        out.put("hangup_by", number(HANGUP_BY, record.hangupBy()));
        out.put("number_id", record.numberId());
        out.put("company_id", record.companyId());
        out.put("related_type", record.relatedType() == null ? null : record.relatedType().wire());
        out.put("related_id", record.relatedId());
        out.put("team_touch_at", time(record.teamTouchAt()));
        out.put("voicemail_url", record.voicemailUrl());
        out.put("voicemail_id", record.voicemailId());
        out.put("voicemail_type", number(VOICEMAIL_TYPE, record.voicemailType()));
        out.put("callback_user_id", record.callbackUserId());
        out.put("callback_time", record.callbackTime());
        out.put("callback_cdr_uuid", record.callbackCdrUuid() == null ? null : record.callbackCdrUuid().toString());
        out.put("updated_at", time(record.updatedAt()));
        out.put("call_flow", new RawValue(record.callFlow().json()));
        return out;
    }

    /** The number of an enum value; a value the version had no number for stays its string, null stays null. */
    private static Object number(Map<String, Integer> numbers, Object value) {
        if (value == null) {
            return null;
        }
        String wire = value instanceof WireName name ? name.wire() : value.toString();
        Integer number = numbers.get(wire);
        return number == null ? wire : number;
    }

    private static String time(Instant value) {
        return value == null ? null : TIME.format(value);
    }
}
