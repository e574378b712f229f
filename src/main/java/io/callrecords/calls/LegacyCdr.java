package io.callrecords.calls;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import tools.jackson.databind.util.RawValue;

/**
 * A record in the shape of Hipcall's older API version {@code v20211124} ({@code resource_type: "cdr"}), which
 * older clients still read: enums as integers, times as {@code 2022-07-07T20:40:39+0000}, no contact as
 * {@code contact_id: 0}. Values that version had no number for (newer callee types, {@code denylist}) keep their
 * string, which is why those fields are {@code Object}. Its fields come first in its order; the fields added since
 * follow, in the v3 shape's order. Jackson writes the components in this order, in snake case.
 */
record LegacyCdr(String resourceType, String uuid, Object direction, Long userId, long contactId, Object channelType,
                 Long channelId, String startedAt, String answeredAt, String bridgedAt, String endedAt,
                 Integer callDuration, int firstTouchDuration, Boolean missingCall, Object missingCallReason,
                 Long callerId, Object callerType, String callerNumber, Long calleeId, Object calleeType,
                 String calleeNumber, String recordUrl, Object hangupBy, Long numberId, Long companyId,
                 String relatedType, Long relatedId, String teamTouchAt, String voicemailUrl, Long voicemailId,
                 Object voicemailType, Long callbackUserId, Integer callbackTime, String callbackCdrUuid,
                 String updatedAt, RawValue callFlow) {

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

    /** The legacy form of a record. */
    static LegacyCdr of(CallRecord r) {
        EndpointType calleeType = r.calleeType();
        return new LegacyCdr("cdr", r.uuid().toString(), number(DIRECTION, r.direction()), r.userId(),
                r.contactId() == null ? 0L : r.contactId(), number(CHANNEL_TYPE, r.channelType()), r.channelId(),
                time(r.startedAt()), time(r.answeredAt()), time(r.bridgedAt()), time(r.endedAt()), r.callDuration(),
                r.firstTouchDuration(), r.missingCall(),
                r.missingCallReason() == null ? 0 : number(MISSING_CALL_REASON, r.missingCallReason()),
                r.callerId(), number(CALLER_TYPE, r.callerType()), r.callerNumber(), r.calleeId(),
                // "hangup" as the first endpoint had no number in this version: it was served as null
                calleeType == EndpointType.HANGUP ? null : number(CALLEE_TYPE, calleeType), r.calleeNumber(),
                r.recordUrl(), number(HANGUP_BY, r.hangupBy()), r.numberId(), r.companyId(),
                r.relatedType() == null ? null : r.relatedType().wire(), r.relatedId(), time(r.teamTouchAt()),
                r.voicemailUrl(), r.voicemailId(), number(VOICEMAIL_TYPE, r.voicemailType()), r.callbackUserId(),
                r.callbackTime(), r.callbackCdrUuid() == null ? null : r.callbackCdrUuid().toString(),
                time(r.updatedAt()), new RawValue(r.callFlow().json()));
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
