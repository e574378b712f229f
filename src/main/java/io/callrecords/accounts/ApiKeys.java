package io.callrecords.accounts;

import io.callrecords.database.DatabaseChanges;
import io.callrecords.shared.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code api_keys} table. */
@Repository
class ApiKeys {

    private static final String COLUMNS =
            "id, account_id, name, prefix, scopes, expires_at, revoked_at, last_used_at, created_at, user_id";

    /**
     * A key found by its secret, with the limit of its account and, for a personal key, its user's current role
     * (all needed on every request, so read in one query).
     *
     * @param role       the user's role now; null for an account key, and for a personal key whose user is deleted
     *                   or inactive
     */
    record Authenticated(ApiKey key, int rateLimitPerMinute, Role role) {

        /** Usable now: neither revoked nor expired, and a personal key's user is still there and active. */
        boolean usableAt(Instant now) {
            return key.usableAt(now) && (key.userId() == null || role != null);
        }

        /** Who is behind the request: a personal key is worth no more than its user's role. */
        Caller caller() {
            return ApiKeys.caller(key.accountId(), key.id(), key.scopes(), key.userId(), role);
        }
    }

    /**
     * The caller of a key (for the API, and for a page session opened with it): an account key's scopes alone, or for
     * a personal key its user with the scopes the key and the user's current role both have.
     */
    static Caller caller(long accountId, long keyId, Set<Scope> keyScopes, Long userId, Role role) {
        if (userId == null) {
            return new Caller(accountId, keyId, keyScopes);
        }
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        scopes.addAll(role.scopes());
        scopes.retainAll(keyScopes);
        return new Caller(accountId, keyId, scopes, userId, role);
    }

    /** The role of a personal key's user while the user is live and active (a column of the key's lookup). */
    static final String LIVE_ROLE = "CASE WHEN u.deleted_at IS NULL AND u.status = 'active' THEN u.role END";
    /** Joins a personal key's user to {@code k} (none for an account key). */
    static final String JOIN_USER = "LEFT JOIN users u ON u.account_id = k.account_id AND u.id = k.user_id";

    private final JdbcClient jdbc;
    private final DatabaseChanges changes;

    ApiKeys(JdbcClient jdbc, DatabaseChanges changes) {
        this.jdbc = jdbc;
        this.changes = changes;
    }

    ApiKey insert(long accountId, String name, ApiKeySecret secret, Set<Scope> scopes, Instant expiresAt, Long userId) {
        return jdbc.sql("INSERT INTO api_keys (account_id, name, prefix, secret_hash, scopes, expires_at, user_id)"
                        + " VALUES (:account, :name, :prefix, :hash, :scopes, :expires, :user) RETURNING " + COLUMNS)
                .param("user", userId)
                .param("account", accountId)
                .param("name", name)
                .param("prefix", secret.prefix())
                .param("hash", secret.hash())
                .param("scopes", scopes.stream().map(Scope::wire).toArray(String[]::new))
                .param("expires", Timestamps.toDb(expiresAt))
                .query(ApiKeys::map)
                .single();
    }

    /** The key whose secret has this SHA-256 (see {@link ApiKeyCache}, which asks this only for keys it lacks). */
    Optional<Authenticated> findBySecretHash(byte[] secretHash) {
        return jdbc.sql("SELECT k.id, k.account_id, k.name, k.prefix, k.scopes, k.expires_at, k.revoked_at,"
                        + " k.last_used_at, k.created_at, k.user_id, a.rate_limit_per_minute, " + LIVE_ROLE + " AS role"
                        + " FROM api_keys k JOIN accounts a ON a.id = k.account_id " + JOIN_USER
                        + " WHERE k.secret_hash = :hash")
                .param("hash", secretHash)
                .query((rs, row) -> new Authenticated(map(rs, row), rs.getInt("rate_limit_per_minute"),
                        role(rs.getString("role"))))
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

    /**
     * Revokes once; revoking again keeps the first revocation time. This node refuses the key from its commit on,
     * the others when its NOTIFY reaches them.
     */
    Optional<ApiKey> revoke(long accountId, long id) {
        Optional<ApiKey> revoked = jdbc.sql("UPDATE api_keys SET revoked_at = coalesce(revoked_at, now())"
                        + " WHERE account_id = :account AND id = :id RETURNING " + COLUMNS)
                .param("account", accountId)
                .param("id", id)
                .query(ApiKeys::map)
                .optional();
        changes.afterCommit(DatabaseChanges.API_KEYS, accountId);
        return revoked;
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
                Timestamps.fromDb(rs, "last_used_at"), Timestamps.fromDb(rs, "created_at"),
                rs.getObject("user_id", Long.class));
    }

    /** A stored role; null for none (or, never expected, one this version does not know: no rights then). */
    static Role role(String wire) {
        return wire == null ? null : Role.fromWire(wire).orElse(null);
    }

    /** Whether {@code userId} is a live, active user of the account: only such a user may be given a key. */
    boolean isActiveUser(long accountId, long userId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM users WHERE account_id = :account AND id = :user"
                        + " AND deleted_at IS NULL AND status = 'active')")
                .param("account", accountId).param("user", userId)
                .query(Boolean.class).single();
    }
}
