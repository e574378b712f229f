package io.callrecords.accounts;

import io.callrecords.shared.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code api_keys} table. */
@Repository
class ApiKeys {

    private static final String COLUMNS =
            "id, account_id, name, prefix, scopes, expires_at, revoked_at, last_used_at, created_at";

    /** A key found by its secret, with the limit of its account (both needed on every request). */
    record Authenticated(ApiKey key, int rateLimitPerMinute) {}

    private final JdbcClient jdbc;

    ApiKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    ApiKey insert(long accountId, String name, ApiKeySecret secret, Set<Scope> scopes, Instant expiresAt) {
        return jdbc.sql("INSERT INTO api_keys (account_id, name, prefix, secret_hash, scopes, expires_at)"
                        + " VALUES (:account, :name, :prefix, :hash, :scopes, :expires) RETURNING " + COLUMNS)
                .param("account", accountId)
                .param("name", name)
                .param("prefix", secret.prefix())
                .param("hash", secret.hash())
                .param("scopes", scopes.stream().map(Scope::wire).toArray(String[]::new))
                .param("expires", Timestamps.toDb(expiresAt))
                .query(ApiKeys::map)
                .single();
    }

    Optional<Authenticated> findBySecret(String presented) {
        return jdbc.sql("SELECT k.id, k.account_id, k.name, k.prefix, k.scopes, k.expires_at, k.revoked_at,"
                        + " k.last_used_at, k.created_at, a.rate_limit_per_minute"
                        + " FROM api_keys k JOIN accounts a ON a.id = k.account_id WHERE k.secret_hash = :hash")
                .param("hash", ApiKeySecret.hash(presented))
                .query((rs, row) -> new Authenticated(map(rs, row), rs.getInt("rate_limit_per_minute")))
                .optional();
    }

    /** The accounts with a key of this prefix (its first characters, kept in clear); asked only when a key failed. */
    Set<Long> accountsWithPrefix(String prefix) {
        return Set.copyOf(jdbc.sql("SELECT DISTINCT account_id FROM api_keys WHERE prefix = :prefix")
                .param("prefix", prefix)
                .query(Long.class)
                .list());
    }

    List<ApiKey> list(long accountId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM api_keys WHERE account_id = :account ORDER BY id")
                .param("account", accountId)
                .query(ApiKeys::map)
                .list();
    }

    /** Revokes once; revoking again keeps the first revocation time. */
    Optional<ApiKey> revoke(long accountId, long id) {
        return jdbc.sql("UPDATE api_keys SET revoked_at = coalesce(revoked_at, now())"
                        + " WHERE account_id = :account AND id = :id RETURNING " + COLUMNS)
                .param("account", accountId)
                .param("id", id)
                .query(ApiKeys::map)
                .optional();
    }

    /** Records use at minute precision: one write a minute per key, not one per request. */
    void touch(long id) {
        jdbc.sql("UPDATE api_keys SET last_used_at = now() WHERE id = :id"
                        + " AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')")
                .param("id", id)
                .update();
    }

    private static ApiKey map(ResultSet rs, int row) throws SQLException {
        return new ApiKey(rs.getLong("id"), rs.getLong("account_id"), rs.getString("name"), rs.getString("prefix"),
                Scope.parse((String[]) rs.getArray("scopes").getArray()), Timestamps.fromDb(rs, "expires_at"), Timestamps.fromDb(rs, "revoked_at"),
                Timestamps.fromDb(rs, "last_used_at"), Timestamps.fromDb(rs, "created_at"));
    }
}
