package io.callrecords.accounts;

import io.callrecords.database.AccountCache;
import io.callrecords.database.DatabaseChanges;
import io.callrecords.shared.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code accounts} table. */
@Repository
class Accounts {

    private final JdbcClient jdbc;
    private final DatabaseChanges changes;
    /** Rows read per request (the rate limit shown with the settings), kept until V28's trigger says they changed. */
    private final AccountCache<Long, Account> kept;

    Accounts(JdbcClient jdbc, DatabaseChanges changes) {
        this.jdbc = jdbc;
        this.changes = changes;
        this.kept = new AccountCache<>(changes, DatabaseChanges.API_KEYS, ApiKeyCache.MAX_AGE, 100_000, Account::id);
    }

    Account insert(String name, int rateLimitPerMinute) {
        return jdbc.sql("""
                        INSERT INTO accounts (name, rate_limit_per_minute) VALUES (:name, :limit)
                        RETURNING id, name, rate_limit_per_minute, created_at""")
                .param("name", name)
                .param("limit", rateLimitPerMinute)
                .query(Accounts::map)
                .single();
    }

    Optional<Account> find(long id) {
        return jdbc.sql("SELECT id, name, rate_limit_per_minute, created_at FROM accounts WHERE id = :id")
                .param("id", id)
                .query(Accounts::map)
                .optional();
    }

    /** The account as this node keeps it (see {@link AccountCache}): no query while it has not changed. */
    Optional<Account> findKept(long id) {
        return Optional.ofNullable(kept.get(id, account -> find(account).orElse(null)));
    }

    /** Locks the account row: serialises changes that number their rows per account. */
    void lock(long id) {
        jdbc.sql("SELECT id FROM accounts WHERE id = :id FOR UPDATE").param("id", id).query(Long.class).single();
    }

    /** Sets the limit; this node applies it from the commit on, the others when its NOTIFY reaches them. */
    Optional<Account> updateRateLimit(long id, int rateLimitPerMinute) {
        Optional<Account> updated = jdbc.sql("""
                        UPDATE accounts SET rate_limit_per_minute = :limit WHERE id = :id
                        RETURNING id, name, rate_limit_per_minute, created_at""")
                .param("id", id)
                .param("limit", rateLimitPerMinute)
                .query(Accounts::map)
                .optional();
        changes.afterCommit(DatabaseChanges.API_KEYS, id);
        return updated;
    }

    List<Account> list() {
        return jdbc.sql("SELECT id, name, rate_limit_per_minute, created_at FROM accounts ORDER BY id")
                .query(Accounts::map)
                .list();
    }

    boolean any() {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM accounts)").query(Boolean.class).single();
    }

    private static Account map(ResultSet rs, int row) throws SQLException {
        return new Account(rs.getLong("id"), rs.getString("name"), rs.getInt("rate_limit_per_minute"),
                Timestamps.fromDb(rs, "created_at"));
    }
}
