package io.callrecords.calls;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * A call record as the service serves it (call-records.md §1): in {@code GET /api/v3/calls}, the export, the
 * webhooks, the import and the pages. Its components are the fields of the wire shape, in the order every record is
 * served; a field's name is its component's in snake case ({@code firstTouchDuration} → {@code first_touch_duration}).
 * The JSON and CSV writers, the select list and the column reader all follow from the components
 * ({@link CallRecordFields}): a new field is a migration, a component here, its derivation and its store, and the
 * compiler names the places that must say how it is read and written.
 *
 * <p>Times are served to the second; they are written by hand ({@link CallRecordFields#wireTime}). The call flow
 * stays the JSON text stored ({@link CallFlow}) until someone reads its entries: lists and the export send it as is.
 *
 * @param firstTouchDuration whole seconds until the first connection to a user; 0 if there was none (§3.5)
 * @param callDuration       whole seconds from start to end; null until the call ended (§3.6)
 * @param missingCall        null until the call ended (§3.7)
 * @param recordUrl          the recording's link, signed when the record is read (valid 4 hours; §4); not stored
 * @param voicemailUrl       the voicemail's link, the same way
 * @param callbackTime       whole seconds from the end of this missed call to the call that returned it (§3.10)
 * @param credited           Hipcall's {@code credited}: false for a call derived here once it ended, null before;
 *                           an imported or mirrored record's as the other system sent it
 * @param updatedAt          the last change of the record
 * @param callFlow           the events of the call, newest first
 */
@JsonSerialize(using = RecordJson.Serializer.class)
public record CallRecord(UUID uuid,
                         Direction direction,
                         Long numberId,
                         String channelType,
                         Long channelId,
                         String callerNumber,
                         String calleeNumber,
                         EndpointType callerType,
                         Long callerId,
                         EndpointType calleeType,
                         Long calleeId,
                         Long userId,
                         Long contactId,
                         Long companyId,
                         RelatedType relatedType,
                         Long relatedId,
                         Instant startedAt,
                         Instant answeredAt,
                         Instant bridgedAt,
                         Instant endedAt,
                         Instant teamTouchAt,
                         int firstTouchDuration,
                         Integer callDuration,
                         Boolean missingCall,
                         MissingCallReason missingCallReason,
                         HangupBy hangupBy,
                         @SignedWhenRead String recordUrl,
                         @SignedWhenRead String voicemailUrl,
                         Long voicemailId,
                         VoicemailType voicemailType,
                         Long callbackUserId,
                         Integer callbackTime,
                         UUID callbackCdrUuid,
                         Boolean credited,
                         Instant updatedAt,
                         CallFlow callFlow) {

    /**
     * One element of {@code call_flow}: an event as clients see it.
     *
     * @param detail    the event's detail in its JSON shape, which differs by action (call-records.md §1); an
     *                  imported record's keeps what the other system sent
     * @param timestamp unix seconds of the event's {@code at}
     */
    public record FlowEntry(CallAction action, Map<String, Object> detail, long timestamp) {

        public FlowEntry {
            detail = Collections.unmodifiableMap(new LinkedHashMap<>(detail)); // keeps the key order of the JSON
        }

        static FlowEntry of(CallEvent event) {
            return new FlowEntry(event.action(), event.detail().flowEntry(), event.at().getEpochSecond());
        }
    }

    /** A missing call (§3.7): ended, inbound, never connected to a user. */
    public boolean missed() {
        return Boolean.TRUE.equals(missingCall);
    }

    /**
     * A derived record as served before anything was kept beside it: no callback link, no media links (a record as
     * it was at a moment of the call, for the webhook of that moment).
     */
    static CallRecord of(DerivedRecord r, Instant updatedAt) {
        return new CallRecord(r.uuid(), r.direction(), r.numberId(), r.channelType(), r.channelId(), r.callerNumber(),
                r.calleeNumber(), r.callerType(), r.callerId(), r.calleeType(), r.calleeId(), r.userId(),
                r.contactId(), r.companyId(), r.relatedType(), r.relatedId(), r.startedAt(), r.answeredAt(),
                r.bridgedAt(), r.endedAt(), r.teamTouchAt(), r.firstTouchDuration(), r.callDuration(), r.missingCall(),
                r.missingCallReason(), r.hangupBy(), null, null, r.voicemailId(), r.voicemailType(), null, null, null,
                r.credited(), updatedAt, CallFlow.of(r.callFlow()));
    }

    /** The same record with the media links signed for this read. */
    CallRecord withMedia(String recordUrl, String voicemailUrl) {
        return new CallRecord(uuid, direction, numberId, channelType, channelId, callerNumber, calleeNumber,
                callerType, callerId, calleeType, calleeId, userId, contactId, companyId, relatedType, relatedId,
                startedAt, answeredAt, bridgedAt, endedAt, teamTouchAt, firstTouchDuration, callDuration, missingCall,
                missingCallReason, hangupBy, recordUrl, voicemailUrl, voicemailId, voicemailType, callbackUserId,
                callbackTime, callbackCdrUuid, credited, updatedAt, callFlow);
    }
}
