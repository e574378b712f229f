package io.callrecords.web;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/** An API key as one line of the keys page (never its secret), times in the account's zone. */
public record ApiKeyRow(long id, String name, String prefix, String scopes, String created, String lastUsed,
                        String expires, String revoked, boolean usable, boolean thisSession) {

    @SuppressWarnings("unchecked")
    static ApiKeyRow of(Map<String, Object> k, ZoneId zone, long sessionKeyId, Instant now) {
        long id = ((Number) k.get("id")).longValue();
        String expiresAt = (String) k.get("expires_at");
        boolean usable = k.get("revoked_at") == null && (expiresAt == null || Instant.parse(expiresAt).isAfter(now));
        return new ApiKeyRow(id, (String) k.get("name"), (String) k.get("prefix"),
                String.join(", ", (List<String>) k.get("scopes")), CallRow.local((String) k.get("created_at"), zone),
                CallRow.local((String) k.get("last_used_at"), zone), CallRow.local(expiresAt, zone),
                CallRow.local((String) k.get("revoked_at"), zone), usable, id == sessionKeyId);
    }
}
