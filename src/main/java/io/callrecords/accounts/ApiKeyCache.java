package io.callrecords.accounts;

import io.callrecords.database.DatabaseChanges;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * The keys this node has seen, by the SHA-256 of their secret as stored, with what authenticating them needs (the
 * key's account, scopes, expiry and revocation, the account's rate limit, a personal key's user's role): a request with
 * a known key runs no query for it. Unknown secrets are never kept, so guessing fills nothing.
 *
 * <p>What is kept is dropped when it may be wrong: the account's entries on any change of its keys, its rate limit or
 * its users, from any node ({@link DatabaseChanges}, V28's triggers); everything whenever the node may have missed a
 * change (its listening connection failing or coming back); each entry after {@link #MAX_AGE} in any case. While the
 * node is not listening nothing is kept and every request reads the key. Whether a key has expired is not kept: it is
 * checked against the clock on every use ({@link ApiKeys.Authenticated#usableAt}).
 */
@Component
class ApiKeyCache implements DatabaseChanges.Subscriber {

    /** A backstop against a missed notification that nothing noticed; every change is meant to arrive far sooner. */
    static final Duration MAX_AGE = Duration.ofSeconds(30);
    /** More keys than any deployment has in use at once; past it the cache starts afresh. */
    static final int MAX_ENTRIES = 100_000;

    private record Entry(ApiKeys.Authenticated found, long loadedAtNanos) {}

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    /** Moves on every invalidation: a read that began before one must not put what it read. */
    private final AtomicLong generation = new AtomicLong();
    private final DatabaseChanges changes;

    ApiKeyCache(DatabaseChanges changes) {
        this.changes = changes;
        changes.subscribe(DatabaseChanges.API_KEYS, this);
    }

    /** The key whose secret has this hash: as kept, or read by {@code load} (and kept, unless it changed meanwhile). */
    Optional<ApiKeys.Authenticated> find(byte[] secretHash, Supplier<Optional<ApiKeys.Authenticated>> load) {
        String id = HexFormat.of().formatHex(secretHash);
        long now = System.nanoTime();
        Entry kept = entries.get(id);
        if (kept != null && now - kept.loadedAtNanos() < MAX_AGE.toNanos() && changes.listening()) {
            return Optional.of(kept.found());
        }
        long before = generation.get();
        Optional<ApiKeys.Authenticated> found = load.get();
        if (found.isPresent() && changes.listening() && generation.get() == before) {
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
            Entry entry = new Entry(found.get(), now);
            entries.put(id, entry);
            if (generation.get() != before) {
                entries.remove(id, entry); // an invalidation ran between the check and the put
            }
        }
        return found;
    }

    /** Whether the key of this hash is kept now (for diagnostics and tests). */
    boolean holds(byte[] secretHash) {
        return entries.containsKey(HexFormat.of().formatHex(secretHash));
    }

    @Override
    public void changed(long accountId) {
        generation.incrementAndGet();
        entries.values().removeIf(entry -> entry.found().key().accountId() == accountId);
    }

    @Override
    public void doubt() {
        generation.incrementAndGet();
        entries.clear();
    }
}
