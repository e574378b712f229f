package io.callrecords.media;

import java.util.UUID;

/** A call's audio was deleted (through the API or by retention). Published inside the transaction. */
public record MediaRemoved(long accountId, UUID callUuid, MediaKind kind) {}
