package io.callrecords.calls;

import java.util.UUID;

/** A finished record brought from another system, with the callback link it already had (if any). */
record ImportedRecord(DerivedRecord record, Long callbackUserId, Integer callbackTime, UUID callbackCdrUuid) {}
