package io.callrecords.accounts;

import java.time.Instant;
import java.util.Set;

/**
 * An API key as listed: never its secret, which exists only in the response that created it.
 *
 * @param userId the user whose personal key it is; null for a key of the account (a machine)
 */
record ApiKey(long id, long accountId, String name, String prefix, Set<Scope> scopes,
              Instant expiresAt, Instant revokedAt, Instant lastUsedAt, Instant createdAt, Long userId) {

    boolean usableAt(Instant now) {
        return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
    }
}
