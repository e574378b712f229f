package io.callrecords.media;

import java.time.Instant;
import java.util.UUID;

/** A claimed {@code media_fetch_jobs} row: fetch {@code sourceUrl} and attach it, while the lease holds. */
record FetchJob(long id, long accountId, UUID callUuid, MediaKind kind, String sourceUrl, Actor actor,
                int attempts, Instant deadline) {}
