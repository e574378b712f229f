package io.callrecords.webhooks;

import io.callrecords.shared.Timestamps;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads and re-queues a subscription's deliveries; the caller has checked the subscription is the account's. */
@Repository
class DeliveryLog {

    private final JdbcClient jdbc;

    DeliveryLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Newest first, each with its attempts. */
    List<Delivery> list(long subscription, String status, int limit, int offset) {
        List<Delivery> deliveries = jdbc.sql("SELECT " + Delivery.COLUMNS + " FROM webhook_deliveries"
                        + " WHERE subscription_id = :subscription AND (CAST(:status AS text) IS NULL OR status = :status)"
                        + " ORDER BY id DESC LIMIT :limit OFFSET :offset")
                .param("subscription", subscription)
                .param("status", status)
                .param("limit", limit)
                .param("offset", offset)
                .query(Delivery::read)
                .list();
        return withAttempts(deliveries);
    }

    int count(long subscription, String status) {
        return jdbc.sql("SELECT count(*) FROM webhook_deliveries WHERE subscription_id = :subscription"
                        + " AND (CAST(:status AS text) IS NULL OR status = :status)")
                .param("subscription", subscription).param("status", status).query(Integer.class).single();
    }

    Optional<Delivery> find(long subscription, long id) {
        return jdbc.sql("SELECT " + Delivery.COLUMNS + " FROM webhook_deliveries WHERE subscription_id = :subscription AND id = :id")
                .param("subscription", subscription)
                .param("id", id)
                .query(Delivery::read)
                .optional()
                .map(d -> withAttempts(List.of(d)).getFirst());
    }

    /**
     * Sends a delivery again, with the same webhook-id: a finished one is queued afresh (its retry
     * schedule restarts), a waiting one becomes due now.
     */
    boolean resend(long subscription, long id) {
        return jdbc.sql("""
                        WITH r AS (
                          UPDATE webhook_deliveries SET next_attempt_at = now(),
                            failures = CASE WHEN status = 'pending' THEN failures ELSE 0 END,
                            queued_at = CASE WHEN status = 'pending' THEN queued_at ELSE now() END,
                            status = 'pending', completed_at = NULL
                          WHERE subscription_id = :subscription AND id = :id RETURNING id)
                        SELECT count(*) FROM r, LATERAL (SELECT pg_notify(:channel, '')) n""")
                .param("subscription", subscription)
                .param("id", id)
                .param("channel", WebhookOutbox.CHANNEL)
                .query(Integer.class).single() == 1;
    }

    /** Re-queues every failed delivery created at or after {@code since}; returns how many. */
    int recover(long subscription, Instant since) {
        return jdbc.sql("""
                        WITH r AS (
                          UPDATE webhook_deliveries SET status = 'pending', failures = 0, next_attempt_at = now(),
                            queued_at = now(), completed_at = NULL
                          WHERE subscription_id = :subscription AND status = 'failed' AND created_at >= :since
                          RETURNING id)
                        SELECT count(*) FROM r, LATERAL (SELECT pg_notify(:channel, '')) n""")
                .param("subscription", subscription)
                .param("since", Timestamps.toDb(since))
                .param("channel", WebhookOutbox.CHANNEL)
                .query(Integer.class).single();
    }

    /** Queues a test event with its own sample data (no call); returns the delivery's id. */
    long queueTest(long accountId, long subscription, String event, String sampleData) {
        return jdbc.sql("""
                        WITH t AS (
                          INSERT INTO webhook_deliveries (subscription_id, account_id, event, payload, webhook_id)
                          VALUES (:subscription, :account, :event, :payload, 'msg_' || replace(gen_random_uuid()::text, '-', ''))
                          RETURNING id)
                        SELECT t.id FROM t, LATERAL (SELECT pg_notify(:channel, '')) n""")
                .param("subscription", subscription)
                .param("account", accountId)
                .param("event", event)
                .param("payload", sampleData)
                .param("channel", WebhookOutbox.CHANNEL)
                .query(Long.class).single();
    }

    private List<Delivery> withAttempts(List<Delivery> deliveries) {
        if (deliveries.isEmpty()) {
            return deliveries;
        }
        Map<Long, List<Delivery.Attempt>> attempts = new HashMap<>();
        jdbc.sql("""
                        SELECT delivery_id, attempted_at, http_status, error, latency_ms, response_body FROM webhook_attempts
                        WHERE delivery_id = ANY (CAST(:ids AS bigint[])) ORDER BY delivery_id, id""")
                .param("ids", deliveries.stream().map(Delivery::id).toArray(Long[]::new))
                .query(rs -> {
                    attempts.computeIfAbsent(rs.getLong("delivery_id"), d -> new ArrayList<>()).add(new Delivery.Attempt(
                            Timestamps.fromDb(rs, "attempted_at"), rs.getObject("http_status", Integer.class),
                            rs.getString("error"), rs.getInt("latency_ms"), rs.getString("response_body")));
                });
        return deliveries.stream().map(d -> d.withAttempts(attempts.getOrDefault(d.id(), List.of()))).toList();
    }
}
