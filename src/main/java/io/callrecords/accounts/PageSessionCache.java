package io.callrecords.accounts;

import io.callrecords.database.AccountCache;
import io.callrecords.database.DatabaseChanges;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * The page sessions this node has seen, by the SHA-256 of their token as stored, with the moment they stop being
 * usable by the clock: a page request with a known session runs no query for it (the wallboard asks every 5 s). Unknown
 * tokens are never kept.
 *
 * <p>An account's entries are dropped on any change of what a session stands for, from any node or by hand in the
 * database: its sessions (a sign-out, a password change), its users' names, passwords, roles and status, its keys and
 * the account itself. V29's triggers NOTIFY {@link DatabaseChanges#PAGE_SESSIONS} for the sessions and the users'
 * names and passwords, and V28's {@link DatabaseChanges#API_KEYS} the rest; everything is dropped when the node may
 * have missed a change, and each entry after {@link #MAX_AGE} in any case (see {@link AccountCache}). Expiry (the
 * session's, or its key's) is checked against the clock on every use.
 */
@Component
class PageSessionCache {

    /** A backstop against a missed notification that nothing noticed; every change is meant to arrive far sooner. */
    static final Duration MAX_AGE = Duration.ofSeconds(30);

    /** A usable session as read, and when it stops being usable: its own expiry, or its key's when that is sooner. */
    record Kept(PageSession session, Instant usableUntil) {

        boolean usableAt(Instant now) {
            return now.isBefore(usableUntil);
        }
    }

    private final AccountCache<String, Kept> sessions;

    PageSessionCache(DatabaseChanges changes) {
        this.sessions = new AccountCache<>(changes, DatabaseChanges.PAGE_SESSIONS, MAX_AGE, 100_000,
                kept -> kept.session().caller().accountId());
        // what a session stands for changes with its key, its personal key's user and its account as well
        changes.subscribe(DatabaseChanges.API_KEYS, sessions);
    }

    /** The session whose token has this hash: as kept, or read by {@code load} (and kept, unless it changed meanwhile). */
    Optional<Kept> find(byte[] tokenHash, Supplier<Optional<Kept>> load) {
        return Optional.ofNullable(sessions.get(HexFormat.of().formatHex(tokenHash), hash -> load.get().orElse(null)));
    }

    /** Whether the session of this hash is kept now (for diagnostics and tests). */
    boolean holds(byte[] tokenHash) {
        return sessions.holds(HexFormat.of().formatHex(tokenHash));
    }
}
