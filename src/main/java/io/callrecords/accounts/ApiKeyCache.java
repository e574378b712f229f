package io.callrecords.accounts;

import io.callrecords.database.AccountCache;
import io.callrecords.database.DatabaseChanges;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * The keys this node has seen, by the SHA-256 of their secret as stored, with what authenticating them needs (the
 * key's account, scopes, expiry and revocation, the account's rate limit, a personal key's user's role): a request with
 * a known key runs no query for it. Unknown secrets are never kept, so guessing fills nothing.
 *
 * <p>An account's entries are dropped on any change of its keys, its rate limit or its users, from any node or by
 * hand in the database (V28's triggers NOTIFY {@link DatabaseChanges#API_KEYS}); everything when the node may have
 * missed a change; each entry after {@link #MAX_AGE} in any case (see {@link AccountCache}). Whether a key has expired
 * is not kept: it is checked against the clock on every use ({@link ApiKeys.Authenticated#usableAt}).
 */
@Component
class ApiKeyCache {

    /** A backstop against a missed notification that nothing noticed; every change is meant to arrive far sooner. */
    static final Duration MAX_AGE = Duration.ofSeconds(30);

    private final AccountCache<String, ApiKeys.Authenticated> keys;

    ApiKeyCache(DatabaseChanges changes) {
        this.keys = new AccountCache<>(changes, DatabaseChanges.API_KEYS, MAX_AGE, 100_000,
                found -> found.key().accountId());
    }

    /** The key whose secret has this hash: as kept, or read by {@code load} (and kept, unless it changed meanwhile). */
    Optional<ApiKeys.Authenticated> find(byte[] secretHash, Supplier<Optional<ApiKeys.Authenticated>> load) {
        return Optional.ofNullable(keys.get(HexFormat.of().formatHex(secretHash), hash -> load.get().orElse(null)));
    }

    /** Whether the key of this hash is kept now (for diagnostics and tests). */
    boolean holds(byte[] secretHash) {
        return keys.holds(HexFormat.of().formatHex(secretHash));
    }
}
