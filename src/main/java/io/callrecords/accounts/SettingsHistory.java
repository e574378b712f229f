package io.callrecords.accounts;

import io.callrecords.shared.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The {@code account_settings} table: every version an account's settings ever had. */
@Repository
class SettingsHistory {

    private static final TypeReference<Map<String, Object>> DOCUMENT = new TypeReference<>() {};
    private static final String COLUMNS = "version, effective_from, created_at, settings::text AS settings";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    SettingsHistory(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Appends a version written by {@code by} (null: the service, as for an account's first version); the caller holds
     * the account's row lock, so numbers never collide.
     */
    SettingsVersion append(long accountId, AccountSettings settings, Instant effectiveFrom, Caller by) {
        return jdbc.sql("""
                        INSERT INTO account_settings (account_id, version, effective_from, settings, api_key_id, user_id)
                        VALUES (:account,
                                (SELECT coalesce(max(version), 0) + 1 FROM account_settings WHERE account_id = :account),
                                :effective, CAST(:settings AS jsonb), :key, :user)
                        RETURNING\s""" + COLUMNS)
                .param("key", by == null ? null : by.apiKeyId())
                .param("user", by == null ? null : by.userId())
                .param("account", accountId)
                .param("effective", Timestamps.toDb(effectiveFrom))
                .param("settings", json.writeValueAsString(SettingsDocument.render(settings)))
                .query(this::map)
                .single();
    }

    /** The newest version written, whatever its effective time: the base a change applies to. */
    Optional<SettingsVersion> latest(long accountId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM account_settings WHERE account_id = :account"
                        + " ORDER BY version DESC LIMIT 1")
                .param("account", accountId)
                .query(this::map)
                .optional();
    }

    List<SettingsVersion> all(long accountId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM account_settings WHERE account_id = :account ORDER BY version DESC")
                .param("account", accountId)
                .query(this::map)
                .list();
    }

    private SettingsVersion map(ResultSet rs, int row) throws SQLException {
        AccountSettings settings = SettingsDocument.read(json.readValue(rs.getString("settings"), DOCUMENT));
        return new SettingsVersion(rs.getInt("version"), Timestamps.fromDb(rs, "effective_from"),
                Timestamps.fromDb(rs, "created_at"), settings);
    }
}
