package io.callrecords.database;

import java.sql.Connection;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Rows of accounts kept in this node's memory, dropped when they may be wrong: an account's entries when a
 * notification of its channel says the account's rows changed (on any node, {@link DatabaseChanges}); everything when
 * a notification may have been missed; each entry after its maximum age in any case. While the node is not listening
 * nothing is kept, and every read goes to the database.
 *
 * @param <K> what an entry is found by
 * @param <V> what is kept (never null)
 */
public final class AccountCache<K, V> implements DatabaseChanges.Subscriber {

    private record Entry<V>(V value, long loadedAtNanos) {}

    private final ConcurrentHashMap<K, Entry<V>> entries = new ConcurrentHashMap<>();
    /** Moves on every invalidation: a read that began before one must not keep what it read. */
    private final AtomicLong generation = new AtomicLong();
    private final DatabaseChanges changes;
    private final long maxAgeNanos;
    private final int maxEntries;
    private final ToLongFunction<V> accountOf;

    /**
     * @param channel    the channel whose notifications (account ids) drop the account's entries
     * @param maxAge     a backstop against a notification missed without anything noticing
     * @param maxEntries past it the cache starts afresh (more than any deployment has in use at once)
     * @param accountOf  the account an entry belongs to
     */
    public AccountCache(DatabaseChanges changes, String channel, Duration maxAge, int maxEntries,
                        ToLongFunction<V> accountOf) {
        this.changes = changes;
        this.maxAgeNanos = maxAge.toNanos();
        this.maxEntries = maxEntries;
        this.accountOf = accountOf;
        changes.subscribe(channel, this);
    }

    /** The entry of {@code key}: as kept, or read by {@code load} and kept (unless it is null or changed meanwhile). */
    public V get(K key, Function<K, V> load) {
        long now = System.nanoTime();
        Entry<V> kept = entries.get(key);
        if (kept != null && now - kept.loadedAtNanos() < maxAgeNanos && changes.listening()) {
            return kept.value();
        }
        long before = generation.get();
        V value = load.apply(key);
        if (value != null && changes.listening() && generation.get() == before && readsCommittedRows()) {
            if (entries.size() >= maxEntries) {
                entries.clear();
            }
            Entry<V> entry = new Entry<>(value, now);
            entries.put(key, entry);
            if (generation.get() != before) {
                entries.remove(key, entry); // an invalidation ran between the check and the put
            }
        }
        return value;
    }

    /**
     * Whether what the current thread reads is committed and current: not inside a transaction that may write (what
     * it read may be its own change, which a rollback would leave in the cache un-notified), nor one that reads an
     * older snapshot (repeatable read and above).
     */
    private static boolean readsCommittedRows() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            return true;
        }
        Integer isolation = TransactionSynchronizationManager.getCurrentTransactionIsolationLevel();
        return TransactionSynchronizationManager.isCurrentTransactionReadOnly()
                && (isolation == null || isolation <= Connection.TRANSACTION_READ_COMMITTED);
    }

    /** Whether an entry of {@code key} is kept now (for diagnostics and tests). */
    public boolean holds(K key) {
        return entries.containsKey(key);
    }

    @Override
    public void changed(long accountId) {
        generation.incrementAndGet();
        entries.values().removeIf(entry -> accountOf.applyAsLong(entry.value()) == accountId);
    }

    @Override
    public void doubt() {
        generation.incrementAndGet();
        entries.clear();
    }
}
