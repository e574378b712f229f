package io.callrecords.sources.hipcall;

import io.callrecords.shared.Timestamps;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code hipcall_mirrors}, {@code hipcall_polls} and {@code hipcall_problems} tables. */
@Repository
class HipcallMirrors {

    /** An account's mirror; {@code apiKeyEncrypted} null: webhooks only, no polling. */
    record Mirror(long accountId, String webhookToken, String apiBaseUrl, String apiKeyEncrypted,
                  Instant polledUntil, int failures, Instant nextPollAt) {}

    /** One poll, for the source page. */
    record Poll(Instant startedAt, Instant finishedAt, Instant windowFrom, Instant windowTo, int requests, int records,
                int changed, String error) {}

    /** Something that could not be mirrored. */
    record Problem(Instant at, UUID callUuid, String problem) {}

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int KEPT_POLLS = 50;

    private final JdbcClient jdbc;

    HipcallMirrors(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** 32 random bytes, URL-safe: the token cannot be guessed, so the URL stands in for the signature Hipcall lacks. */
    static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    Optional<Mirror> find(long accountId) {
        return jdbc.sql("SELECT * FROM hipcall_mirrors WHERE account_id = :account")
                .param("account", accountId).query((rs, n) -> read(rs)).optional();
    }

    /**
     * The account whose webhook token this is. Found by the token's SHA-256 (the index never sees the token), then
     * compared in constant time, so neither the lookup nor the comparison tells how much of a guess was right.
     */
    Optional<Long> accountOfToken(String token) {
        return jdbc.sql("SELECT account_id, webhook_token FROM hipcall_mirrors WHERE token_hash = :hash")
                .param("hash", hash(token))
                .query((rs, n) -> MessageDigest.isEqual(rs.getString("webhook_token").getBytes(StandardCharsets.UTF_8),
                        token.getBytes(StandardCharsets.UTF_8)) ? rs.getLong("account_id") : null)
                .optional();
    }

    /** Creates the mirror with a new token, or changes its base URL and, when given, its key (null keeps it). */
    void upsert(long accountId, String apiBaseUrl, String apiKeyEncrypted, boolean keyGiven) {
        String token = newToken();
        jdbc.sql("""
                        INSERT INTO hipcall_mirrors (account_id, webhook_token, token_hash, api_base_url, api_key_encrypted)
                        VALUES (:account, :token, :hash, :base, :key)
                        ON CONFLICT (account_id) DO UPDATE SET api_base_url = EXCLUDED.api_base_url,
                            api_key_encrypted = CASE WHEN :given THEN EXCLUDED.api_key_encrypted
                                                     ELSE hipcall_mirrors.api_key_encrypted END,
                            failures = 0, next_poll_at = now(), updated_at = now()""")
                .param("account", accountId)
                .param("token", token)
                .param("hash", hash(token))
                .param("base", apiBaseUrl)
                .param("key", apiKeyEncrypted, java.sql.Types.VARCHAR)
                .param("given", keyGiven)
                .update();
    }

    boolean rotateToken(long accountId) {
        String token = newToken();
        return jdbc.sql("""
                        UPDATE hipcall_mirrors SET webhook_token = :token, token_hash = :hash, updated_at = now()
                        WHERE account_id = :account""")
                .param("token", token).param("hash", hash(token)).param("account", accountId).update() == 1;
    }

    boolean delete(long accountId) {
        return jdbc.sql("DELETE FROM hipcall_mirrors WHERE account_id = :account")
                .param("account", accountId).update() == 1;
    }

    /**
     * Takes the poll lease of up to {@code limit} mirrors that are due and have a key: only the node holding an
     * account's lease polls it, so one account is never polled twice at once (SKIP LOCKED: nodes never wait).
     */
    List<Mirror> leaseDue(UUID owner, Instant now, Duration lease, int limit) {
        return jdbc.sql("""
                        UPDATE hipcall_mirrors SET lease_owner = :owner, lease_until = :until
                        WHERE account_id IN (
                            SELECT account_id FROM hipcall_mirrors
                            WHERE api_key_encrypted IS NOT NULL AND next_poll_at <= :now
                              AND (lease_until IS NULL OR lease_until < :now)
                            ORDER BY next_poll_at LIMIT :limit FOR UPDATE SKIP LOCKED)
                        RETURNING *""")
                .param("owner", owner)
                .param("until", Timestamps.toDb(now.plus(lease)))
                .param("now", Timestamps.toDb(now))
                .param("limit", limit)
                .query((rs, n) -> read(rs))
                .list();
    }

    /** Ends the lease: a poll read its windows up to {@code polledUntil}, or failed (then {@code polledUntil} stays). */
    void finishPoll(long accountId, UUID owner, Instant polledUntil, int failures, Instant nextPollAt) {
        jdbc.sql("""
                        UPDATE hipcall_mirrors SET lease_owner = NULL, lease_until = NULL,
                            polled_until = coalesce(:until, polled_until), failures = :failures, next_poll_at = :next
                        WHERE account_id = :account AND lease_owner = :owner""")
                .param("until", Timestamps.toDb(polledUntil))
                .param("failures", failures)
                .param("next", Timestamps.toDb(nextPollAt))
                .param("account", accountId)
                .param("owner", owner)
                .update();
    }

    void recordPoll(long accountId, Poll poll) {
        jdbc.sql("""
                        INSERT INTO hipcall_polls (account_id, started_at, finished_at, window_from, window_to, requests,
                                                   records, changed, error)
                        VALUES (:account, :started, :finished, :from, :to, :requests, :records, :changed, :error)""")
                .param("account", accountId)
                .param("started", Timestamps.toDb(poll.startedAt()))
                .param("finished", Timestamps.toDb(poll.finishedAt()))
                .param("from", Timestamps.toDb(poll.windowFrom()))
                .param("to", Timestamps.toDb(poll.windowTo()))
                .param("requests", poll.requests())
                .param("records", poll.records())
                .param("changed", poll.changed())
                .param("error", poll.error(), java.sql.Types.VARCHAR)
                .update();
        jdbc.sql("""
                        DELETE FROM hipcall_polls WHERE account_id = :account AND id <= (
                            SELECT id FROM hipcall_polls WHERE account_id = :account ORDER BY id DESC OFFSET :kept LIMIT 1)""")
                .param("account", accountId).param("kept", KEPT_POLLS).update();
    }

    List<Poll> recentPolls(long accountId, int limit) {
        return jdbc.sql("""
                        SELECT * FROM hipcall_polls WHERE account_id = :account ORDER BY id DESC LIMIT :limit""")
                .param("account", accountId).param("limit", limit)
                .query((rs, n) -> new Poll(Timestamps.fromDb(rs, "started_at"), Timestamps.fromDb(rs, "finished_at"),
                        Timestamps.fromDb(rs, "window_from"), Timestamps.fromDb(rs, "window_to"), rs.getInt("requests"),
                        rs.getInt("records"), rs.getInt("changed"), rs.getString("error")))
                .list();
    }

    void recordProblem(long accountId, UUID call, String problem) {
        jdbc.sql("INSERT INTO hipcall_problems (account_id, call_uuid, problem) VALUES (:account, :call, :problem)")
                .param("account", accountId).param("call", call).param("problem", problem).update();
    }

    List<Problem> recentProblems(long accountId, int limit) {
        return jdbc.sql("""
                        SELECT at, call_uuid, problem FROM hipcall_problems WHERE account_id = :account
                        ORDER BY id DESC LIMIT :limit""")
                .param("account", accountId).param("limit", limit)
                .query((rs, n) -> new Problem(Timestamps.fromDb(rs, "at"), rs.getObject("call_uuid", UUID.class),
                        rs.getString("problem")))
                .list();
    }

    /**
     * Notes that the call's audio of this kind comes from {@code source} (a link without its signature); false when
     * it was already noted, so the file is not fetched twice.
     */
    boolean newMediaSource(long accountId, UUID call, String kind, String source) {
        return jdbc.sql("""
                        INSERT INTO hipcall_media (account_id, call_uuid, kind, source) VALUES (:account, :call, :kind, :source)
                        ON CONFLICT (account_id, call_uuid, kind) DO UPDATE SET source = EXCLUDED.source
                        WHERE hipcall_media.source <> EXCLUDED.source""")
                .param("account", accountId).param("call", call).param("kind", kind).param("source", source)
                .update() == 1;
    }

    private static Mirror read(ResultSet rs) throws SQLException {
        return new Mirror(rs.getLong("account_id"), rs.getString("webhook_token"), rs.getString("api_base_url"),
                rs.getString("api_key_encrypted"), Timestamps.fromDb(rs, "polled_until"), rs.getInt("failures"),
                Timestamps.fromDb(rs, "next_poll_at"));
    }
}
