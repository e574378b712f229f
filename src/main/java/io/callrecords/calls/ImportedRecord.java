package io.callrecords.calls;

import java.time.Instant;

/**
 * A finished record brought from another system (an export, a webhook log), read in the shape this service serves,
 * with the callback link it already had (if any).
 */
record ImportedRecord(CallRecord record) {

    /** The record as the store keeps it: the fields a derivation would have made. */
    DerivedRecord derived() {
        CallRecord r = record;
        // Records carry no connection time: a bridge, or else the answer of a call that was not missed.
        Instant connectedAt = r.bridgedAt() != null ? r.bridgedAt()
                : Boolean.FALSE.equals(r.missingCall()) ? r.answeredAt() : null;
        return new DerivedRecord(r.uuid(), r.direction(), r.numberId(), r.channelType(), r.channelId(),
                r.callerNumber(), r.calleeNumber(), r.callerType(), r.callerId(), r.calleeType(), r.calleeId(),
                r.userId(), r.contactId(), r.companyId(), r.relatedType(), r.relatedId(), r.startedAt(),
                r.answeredAt(), r.bridgedAt(), r.endedAt(), r.teamTouchAt(), connectedAt, r.firstTouchDuration(),
                r.callDuration(), r.missingCall(), r.missingCallReason(), r.hangupBy(), r.voicemailId(),
                r.voicemailType(), r.credited(), r.callFlow().entries());
    }
}
