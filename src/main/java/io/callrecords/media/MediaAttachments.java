package io.callrecords.media;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Attaches, replaces and deletes a call's audio. The bytes go into the storage first, under a
 * fresh key, outside any transaction (an upload may take minutes); then one short transaction
 * points the row at them, writes the audit line and publishes {@link MediaAttached}. The object a
 * replacement or deletion made unreachable is removed after the commit; an object whose transaction
 * failed is removed at once.
 */
@Service
class MediaAttachments {

    private static final Logger log = LoggerFactory.getLogger(MediaAttachments.class);

    /** Who attaches what ({@link Actor#SERVICE} for the service itself) and where it came from. */
    record Origin(Actor actor, String source, FetchLease fetch) {
        static Origin upload(Actor actor) {
            return new Origin(actor, "upload", null);
        }
    }

    /** The fetch job an attachment completes, held by the worker's lease. */
    record FetchLease(long jobId, UUID owner) {}

    /** The outcome: the row as stored, and whether it replaced earlier audio. */
    record Attached(StoredMedia media, boolean replaced) {}

    private final MediaStore store;
    private final FetchJobs jobs;
    private final MediaStorage storage;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    MediaAttachments(MediaStore store, FetchJobs jobs, MediaStorage storage, TransactionTemplate transactions,
                     ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.jobs = jobs;
        this.storage = storage;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Stores the spooled file as the call's audio of this kind.
     *
     * @return empty when the fetch job it was to complete was superseded meanwhile (nothing changed)
     */
    Optional<Attached> attach(long accountId, UUID call, MediaKind kind, MediaSpool.Spooled spooled, Origin origin)
            throws IOException {
        String key = newKey(accountId, call, kind, spooled.type());
        try {
            storage.put(key, spooled.file(), spooled.type());
        } finally {
            Files.deleteIfExists(spooled.file());
        }
        StoredMedia media = new StoredMedia(accountId, call, kind, spooled.type().contentType, spooled.size(),
                spooled.sha256(), key, clock.instant());
        Optional<StoredMedia> previous;
        try {
            previous = transactions.execute(tx -> {
                store.lock(accountId, call, kind);
                if (origin.fetch() != null && !jobs.complete(origin.fetch().jobId(), origin.fetch().owner())) {
                    return null; // a newer PUT or a DELETE came first: it wins
                }
                jobs.supersede(accountId, call, kind, origin.fetch() == null ? -1 : origin.fetch().jobId());
                Optional<StoredMedia> before = store.find(accountId, call, kind);
                store.upsert(media);
                store.audit(accountId, call, kind, before.isPresent() ? "replaced" : "attached", origin.actor(),
                        origin.source(), media);
                events.publishEvent(new MediaAttached(accountId, call, kind));
                return before;
            });
        } catch (RuntimeException e) {
            deleteQuietly(key);
            throw e;
        }
        if (previous == null) {
            deleteQuietly(key);
            return Optional.empty();
        }
        previous.ifPresent(old -> deleteQuietly(old.storageKey()));
        return Optional.of(new Attached(media, previous.isPresent()));
    }

    /** Queues a fetch of {@code sourceUrl}; it supersedes fetches of the same audio not yet done. */
    void enqueueFetch(long accountId, UUID call, MediaKind kind, String sourceUrl, Actor actor, Instant deadline) {
        transactions.executeWithoutResult(tx -> {
            store.lock(accountId, call, kind);
            long id = jobs.enqueue(accountId, call, kind, sourceUrl, actor, deadline);
            jobs.supersede(accountId, call, kind, id);
        });
    }

    /** Deletes the audio and cancels pending fetches of it; false when there was neither. */
    boolean remove(long accountId, UUID call, MediaKind kind, Actor actor) {
        Optional<StoredMedia> removed = transactions.execute(tx -> {
            store.lock(accountId, call, kind);
            int cancelled = jobs.supersede(accountId, call, kind, -1);
            Optional<StoredMedia> deleted = store.delete(accountId, call, kind);
            deleted.ifPresent(m -> {
                store.audit(accountId, call, kind, "deleted", actor, "api", m);
                events.publishEvent(new MediaRemoved(accountId, call, kind));
            });
            return deleted.isEmpty() && cancelled == 0 ? null : deleted;
        });
        if (removed == null) {
            return false;
        }
        removed.ifPresent(m -> deleteQuietly(m.storageKey()));
        return true;
    }

    /** Retention: deletes one of the account's media stored before {@code cutoff}; false when none is left. */
    boolean expireOne(long accountId, Instant cutoff) {
        Optional<StoredMedia> expired = transactions.execute(tx -> {
            Optional<StoredMedia> deleted = store.deleteOneStoredBefore(accountId, cutoff);
            deleted.ifPresent(m -> {
                store.audit(accountId, m.callUuid(), m.kind(), "expired", Actor.SERVICE, "retention", m);
                events.publishEvent(new MediaRemoved(accountId, m.callUuid(), m.kind()));
            });
            return deleted;
        });
        expired.ifPresent(m -> deleteQuietly(m.storageKey()));
        return expired.isPresent();
    }

    /** {@code <account>/<2 hex of the call>/<call>/<kind>-<random>.<ext>}: a new key for every version. */
    private static String newKey(long accountId, UUID call, MediaKind kind, AudioType type) {
        String random = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        return accountId + "/" + call.toString().substring(0, 2) + "/" + call + "/" + kind.wire() + "-" + random
                + "." + type.extension;
    }

    /** A leftover object costs only space; failing the request for it would be worse. */
    private void deleteQuietly(String key) {
        try {
            storage.delete(key);
        } catch (IOException | RuntimeException e) {
            log.warn("Could not delete the media object {}: {}", key, e.toString());
        }
    }
}
