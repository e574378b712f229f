package io.callrecords.accounts;

import java.time.Instant;
import java.util.Set;

/** An API key as listed: never its secret, which exists only in the response that created it. */
record ApiKey(long id, long accountId, String name, String prefix, Set<Scope> scopes,
              Instant expiresAt, Instant revokedAt, Instant lastUsedAt, Instant createdAt) {

    boolean usableAt(Instant now) {
        return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
    }
}
