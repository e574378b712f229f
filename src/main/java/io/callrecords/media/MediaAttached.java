package io.callrecords.media;

import java.util.UUID;

/** Audio was attached to a call (or replaced). Published inside the transaction that stored it. */
public record MediaAttached(long accountId, UUID callUuid, MediaKind kind) {}
