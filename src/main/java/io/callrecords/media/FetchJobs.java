package io.callrecords.media;

import io.callrecords.shared.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code media_fetch_jobs} table: a durable queue of source_url fetches. A job is claimed with
 * {@code FOR UPDATE SKIP LOCKED} and held by a lease (owner + expiry) rather than by an open
 * transaction, since a fetch may take minutes; every later write checks the lease is still its own.
 */
@Repository
class FetchJobs {

    private static final String COLUMNS = "id, account_id, call_uuid, kind, source_url, api_key_id, user_id, attempts, deadline";

    private final JdbcClient jdbc;

    FetchJobs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long enqueue(long accountId, UUID call, MediaKind kind, String sourceUrl, Actor actor, Instant deadline) {
        return jdbc.sql("""
                        INSERT INTO media_fetch_jobs (account_id, call_uuid, kind, source_url, api_key_id, user_id, deadline)
                        VALUES (:account, :call, :kind, :url, :key, :user, :deadline) RETURNING id""")
                .param("user", actor.userId())
                .param("account", accountId).param("call", call).param("kind", kind.wire()).param("url", sourceUrl)
                .param("key", actor.apiKeyId()).param("deadline", Timestamps.toDb(deadline))
                .query(Long.class).single();
    }

    /** A newer PUT or a DELETE of the same audio wins over fetches not yet done; returns how many were pending. */
    int supersede(long accountId, UUID call, MediaKind kind, long exceptId) {
        return jdbc.sql("""
                        UPDATE media_fetch_jobs SET status = 'superseded', lease_owner = NULL, updated_at = now()
                        WHERE account_id = :account AND call_uuid = :call AND kind = :kind AND status = 'pending' AND id <> :except""")
                .param("account", accountId).param("call", call).param("kind", kind.wire()).param("except", exceptId)
                .update();
    }

    /** Claims up to {@code limit} due jobs for {@code owner} until {@code lease} from now; counts the attempt. */
    List<FetchJob> claim(UUID owner, Duration lease, int limit) {
        return jdbc.sql("""
                        UPDATE media_fetch_jobs SET lease_owner = :owner, lease_until = now() + :lease * interval '1 millisecond',
                            attempts = attempts + 1, updated_at = now()
                        WHERE id IN (SELECT id FROM media_fetch_jobs
                                     WHERE status = 'pending' AND next_attempt_at <= now()
                                       AND (lease_until IS NULL OR lease_until < now())
                                     ORDER BY next_attempt_at LIMIT :limit FOR UPDATE SKIP LOCKED)
                        RETURNING\s""" + COLUMNS)
                .param("owner", owner).param("lease", lease.toMillis()).param("limit", limit)
                .query(this::map).list();
    }

    /** Marks the job done if this owner still holds it and nothing superseded it. */
    boolean complete(long id, UUID owner) {
        return finish(id, owner, "done", null) == 1;
    }

    void fail(long id, UUID owner, String error) {
        finish(id, owner, "failed", error);
    }

    /** Gives the job back for another attempt at {@code next}. */
    void retryAt(long id, UUID owner, Instant next, String error) {
        jdbc.sql("""
                        UPDATE media_fetch_jobs SET next_attempt_at = :next, lease_owner = NULL, lease_until = NULL,
                            last_error = :error, updated_at = now()
                        WHERE id = :id AND lease_owner = :owner AND status = 'pending'""")
                .param("id", id).param("owner", owner).param("next", Timestamps.toDb(next)).param("error", error)
                .update();
    }

    /** Gives back every job this owner holds, due now: a node that stops lets another take its fetches at once. */
    int release(UUID owner) {
        return jdbc.sql("""
                        UPDATE media_fetch_jobs SET lease_owner = NULL, lease_until = NULL, next_attempt_at = now(),
                            updated_at = now()
                        WHERE lease_owner = :owner AND status = 'pending'""")
                .param("owner", owner).update();
    }

    private int finish(long id, UUID owner, String status, String error) {
        return jdbc.sql("""
                        UPDATE media_fetch_jobs SET status = :status, last_error = :error, lease_owner = NULL,
                            lease_until = NULL, updated_at = now()
                        WHERE id = :id AND lease_owner = :owner AND status = 'pending'""")
                .param("id", id).param("owner", owner).param("status", status).param("error", error)
                .update();
    }

    private FetchJob map(ResultSet rs, int row) throws SQLException {
        return new FetchJob(rs.getLong("id"), rs.getLong("account_id"), rs.getObject("call_uuid", UUID.class),
                MediaKind.fromWire(rs.getString("kind")).orElseThrow(), rs.getString("source_url"),
                new Actor(rs.getObject("api_key_id", Long.class), rs.getObject("user_id", Long.class)), rs.getInt("attempts"), Timestamps.fromDb(rs, "deadline"));
    }
}
