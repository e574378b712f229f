package io.callrecords.web;

import io.callrecords.accounts.ApiKeyView;
import java.time.Instant;
import java.time.ZoneId;

/** An API key as one line of the keys page (never its secret), times in the account's zone. */
public record ApiKeyRow(long id, String name, String prefix, String scopes, String created, String lastUsed,
                        String expires, String revoked, boolean usable, boolean thisSession) {

    /** {@code sessionKeyId}: the key of the session, null for a person signed in with a password. */
    static ApiKeyRow of(ApiKeyView k, ZoneId zone, Long sessionKeyId, Instant now) {
        boolean usable = k.revokedAt() == null && (k.expiresAt() == null || Instant.parse(k.expiresAt()).isAfter(now));
        return new ApiKeyRow(k.id(), k.name(), k.prefix(), String.join(", ", k.scopes()),
                CallRow.local(k.createdAt(), zone), CallRow.local(k.lastUsedAt(), zone),
                CallRow.local(k.expiresAt(), zone), CallRow.local(k.revokedAt(), zone), usable,
                sessionKeyId != null && k.id() == sessionKeyId);
    }
}
