package io.callrecords.calls;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What {@link CallDerivation} makes of a call: the fields of its call record (call-records.md §1) that follow from
 * the call's events and the account's settings alone. The store writes it; readers get the record as served,
 * {@link CallRecord}. Three groups of fields are not in it, because they change after the call without a new event
 * and are kept beside the derived record by whoever stores it: the media URLs ({@code record_url},
 * {@code voicemail_url}, signed fresh on every read, §4), the callback link ({@code callback_*}, made when a later
 * call returns this one, §3.10) and {@code updated_at}.
 *
 * <p>Times keep their milliseconds; they are truncated to seconds only when served.
 *
 * @param connectedAt        the first connection to a user (§3.3), which is not always a {@code bridge}: the
 *                           moment of the {@code call_bridged} webhook (§6). Not a field of the API.
 * @param firstTouchDuration whole seconds until the first connection to a user; 0 if there was none (§3.5)
 * @param callDuration       whole seconds from start to end; null until the call ended (§3.6)
 * @param missingCall        null until the call ended (§3.7)
 * @param credited           Hipcall's {@code credited}: null until the call ended, then false for a call derived here
 *                           (nothing in the events says otherwise, §1); an imported record's as sent
 * @param callFlow           the events, newest first
 */
public record DerivedRecord(UUID uuid,
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
                         Instant connectedAt,
                         int firstTouchDuration,
                         Integer callDuration,
                         Boolean missingCall,
                         MissingCallReason missingCallReason,
                         HangupBy hangupBy,
                         Long voicemailId,
                         VoicemailType voicemailType,
                         Boolean credited,
                         List<CallRecord.FlowEntry> callFlow) {

    public DerivedRecord {
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(startedAt, "startedAt");
        callFlow = List.copyOf(callFlow);
    }

    /** A call is ended once it has a {@code hangup} (§2); its record is then final for {@code call_hangup}. */
    public boolean ended() {
        return endedAt != null;
    }

    /** Connected to a user at least once (§3.3). */
    public boolean connected() {
        return connectedAt != null;
    }
}
