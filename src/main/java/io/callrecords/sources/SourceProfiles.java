package io.callrecords.sources;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Each account's profile of each source (sources.md §5): a typed record per source, stored as JSON, one row per change
 * so that what was in force can be told later; the newest is in force. An account that never set one has the
 * source's defaults (a stock FusionPBX or FreePBX).
 */
@Service
public class SourceProfiles {

    /** Raw documents are kept this long unless the profile says otherwise (sources.md §1). */
    public static final int DEFAULT_RETENTION_DAYS = 30;

    private final JdbcClient jdbc;
    private final JsonMapper json;

    SourceProfiles(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The profile in force, or {@code defaults} when the account never set one. */
    public <P> P read(long accountId, SourceKind source, Class<P> type, P defaults) {
        return latest(accountId, source).map(text -> json.readValue(text, type)).orElse(defaults);
    }

    /** Stores a new version; returns its number. */
    @Transactional
    public int write(long accountId, SourceKind source, Object profile) {
        // One writer at a time per account and source, so two changes never take one version number.
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended('source-profile:' || :account || ':' || :source, 0))")
                .param("account", accountId)
                .param("source", source.wire())
                .query((rs, n) -> 0).list();
        return jdbc.sql("""
                        INSERT INTO source_profiles (account_id, source, version, settings)
                        SELECT :account, :source, coalesce(max(version), 0) + 1, CAST(:settings AS jsonb)
                        FROM source_profiles WHERE account_id = :account AND source = :source
                        RETURNING version""")
                .param("account", accountId)
                .param("source", source.wire())
                .param("settings", json.writeValueAsString(profile))
                .query(Integer.class)
                .single();
    }

    /** How many days raw documents are kept: the profile's {@code raw_document_retention_days}, else the default. */
    int retentionDays(long accountId, SourceKind source) {
        List<Integer> days = jdbc.sql("""
                        SELECT CAST(settings ->> 'raw_document_retention_days' AS int) FROM source_profiles
                        WHERE account_id = :account AND source = :source ORDER BY version DESC LIMIT 1""")
                .param("account", accountId)
                .param("source", source.wire())
                .query((rs, n) -> (Integer) rs.getObject(1))
                .list();
        return days.isEmpty() || days.getFirst() == null ? DEFAULT_RETENTION_DAYS : days.getFirst();
    }

    private Optional<String> latest(long accountId, SourceKind source) {
        return jdbc.sql("""
                        SELECT settings::text FROM source_profiles WHERE account_id = :account AND source = :source
                        ORDER BY version DESC LIMIT 1""")
                .param("account", accountId)
                .param("source", source.wire())
                .query(String.class)
                .optional();
    }
}
