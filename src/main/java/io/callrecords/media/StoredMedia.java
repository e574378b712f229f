package io.callrecords.media;

import java.time.Instant;
import java.util.UUID;

/** A {@code media} row: one call's audio of one kind, and where its bytes are. */
record StoredMedia(long accountId, UUID callUuid, MediaKind kind, String contentType, long size, String sha256,
                   String storageKey, Instant storedAt) {}
