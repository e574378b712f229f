package io.callrecords.media;

import io.callrecords.shared.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code media} and {@code media_audit} tables. */
@Repository
class MediaStore {

    private static final String COLUMNS = "account_id, call_uuid, kind, content_type, size_bytes, sha256, storage_key, stored_at";

    private final JdbcClient jdbc;

    MediaStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Serialises the writers of one call's audio of one kind until the transaction ends, also
     * while it has no row yet (a row lock could not).
     */
    void lock(long accountId, UUID call, MediaKind kind) {
        jdbc.sql("SELECT count(pg_advisory_xact_lock(hashtextextended(:key, 0)))")
                .param("key", accountId + ":media:" + call + ":" + kind.wire())
                .query(Long.class).single();
    }

    Optional<StoredMedia> find(long accountId, UUID call, MediaKind kind) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM media WHERE account_id = :account AND call_uuid = :call AND kind = :kind")
                .param("account", accountId).param("call", call).param("kind", kind.wire())
                .query(this::map).optional();
    }

    /** Which kinds of audio each of the calls has; calls without any are left out. */
    Map<UUID, Set<MediaKind>> kinds(long accountId, Collection<UUID> calls) {
        Map<UUID, Set<MediaKind>> out = new HashMap<>();
        if (calls.isEmpty()) {
            return out;
        }
        jdbc.sql("SELECT call_uuid, kind FROM media WHERE account_id = :account AND call_uuid = ANY(:calls)")
                .param("account", accountId).param("calls", calls.toArray(UUID[]::new))
                .query((rs, row) -> out.computeIfAbsent(rs.getObject("call_uuid", UUID.class),
                        c -> EnumSet.noneOf(MediaKind.class)).add(kind(rs)))
                .list();
        return out;
    }

    void upsert(StoredMedia media) {
        jdbc.sql("""
                        INSERT INTO media (account_id, call_uuid, kind, content_type, size_bytes, sha256, storage_key, stored_at)
                        VALUES (:account, :call, :kind, :type, :size, :sha256, :key, :at)
                        ON CONFLICT (account_id, call_uuid, kind) DO UPDATE SET content_type = EXCLUDED.content_type,
                            size_bytes = EXCLUDED.size_bytes, sha256 = EXCLUDED.sha256,
                            storage_key = EXCLUDED.storage_key, stored_at = EXCLUDED.stored_at""")
                .param("account", media.accountId()).param("call", media.callUuid()).param("kind", media.kind().wire())
                .param("type", media.contentType()).param("size", media.size()).param("sha256", media.sha256())
                .param("key", media.storageKey()).param("at", Timestamps.toDb(media.storedAt()))
                .update();
    }

    Optional<StoredMedia> delete(long accountId, UUID call, MediaKind kind) {
        return jdbc.sql("DELETE FROM media WHERE account_id = :account AND call_uuid = :call AND kind = :kind RETURNING " + COLUMNS)
                .param("account", accountId).param("call", call).param("kind", kind.wire())
                .query(this::map).optional();
    }

    /** Deletes one of the account's media stored before {@code cutoff} that no other node is deleting. */
    Optional<StoredMedia> deleteOneStoredBefore(long accountId, Instant cutoff) {
        return jdbc.sql("""
                        DELETE FROM media WHERE (account_id, call_uuid, kind) = (
                          SELECT account_id, call_uuid, kind FROM media WHERE account_id = :account AND stored_at < :cutoff
                          ORDER BY stored_at LIMIT 1 FOR UPDATE SKIP LOCKED)
                        RETURNING\s""" + COLUMNS)
                .param("account", accountId).param("cutoff", Timestamps.toDb(cutoff))
                .query(this::map).optional();
    }

    /** The accounts that have any audio: one index probe per account (a loose index scan), not a scan of every row. */
    List<Long> accountsWithMedia() {
        return jdbc.sql("""
                        WITH RECURSIVE accounts (id) AS (
                          SELECT min(account_id) FROM media
                          UNION ALL
                          SELECT (SELECT min(account_id) FROM media WHERE account_id > accounts.id) FROM accounts WHERE id IS NOT NULL)
                        SELECT id FROM accounts WHERE id IS NOT NULL""")
                .query(Long.class).list();
    }

    /** One line of the audit trail: who acted ({@link Actor#SERVICE} for the service itself), on what. */
    void audit(long accountId, UUID call, MediaKind kind, String action, Actor actor, String source, StoredMedia what) {
        jdbc.sql("""
                        INSERT INTO media_audit (account_id, call_uuid, kind, action, api_key_id, user_id, source,
                                                 content_type, size_bytes, sha256)
                        VALUES (:account, :call, :kind, :action, :key, :user, :source, :type, :size, :sha256)""")
                .param("user", actor.userId())
                .param("account", accountId).param("call", call).param("kind", kind.wire()).param("action", action)
                .param("key", actor.apiKeyId()).param("source", source)
                .param("type", what == null ? null : what.contentType())
                .param("size", what == null ? null : what.size())
                .param("sha256", what == null ? null : what.sha256())
                .update();
    }

    private StoredMedia map(ResultSet rs, int row) throws SQLException {
        return new StoredMedia(rs.getLong("account_id"), rs.getObject("call_uuid", UUID.class), kind(rs),
                rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("sha256"),
                rs.getString("storage_key"), Timestamps.fromDb(rs, "stored_at"));
    }

    private static MediaKind kind(ResultSet rs) throws SQLException {
        return MediaKind.fromWire(rs.getString("kind")).orElseThrow();
    }
}
