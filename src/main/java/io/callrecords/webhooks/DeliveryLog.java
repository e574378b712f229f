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
import org.springframework.transaction.annotation.Transactional;

/** Reads and re-queues a subscription's deliveries; the caller has checked the subscription is the account's. */
@Repository
class DeliveryLog {

    private final JdbcClient jdbc;
    private final CallOrder order;

    DeliveryLog(JdbcClient jdbc, CallOrder order) {
        this.jdbc = jdbc;
        this.order = order;
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
     * schedule restarts; behind what of its call is still pending), a waiting one becomes due now.
     * A resent delivery does not hold back later events of its call that are already under way.
     */
    boolean resend(long subscription, long id) {
        return jdbc.sql("""
                        WITH r AS (
                          UPDATE webhook_deliveries d SET next_attempt_at = now(),
                            blocked = CASE WHEN status = 'pending' THEN blocked ELSE EXISTS (
                              SELECT 1 FROM webhook_deliveries e WHERE e.call_uuid = d.call_uuid
                                AND e.subscription_id = d.subscription_id AND e.status = 'pending' AND e.id < d.id) END,
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

    /**
     * Re-queues every failed delivery created at or after {@code since}, each call's in their order;
     * returns how many.
     */
    @Transactional
    int recover(long subscription, Instant since) {
        List<CallOrder.Chain> chains = new ArrayList<>();
        jdbc.sql("""
                        UPDATE webhook_deliveries SET status = 'pending', blocked = call_uuid IS NOT NULL, failures = 0,
                          next_attempt_at = now(), queued_at = now(), completed_at = NULL
                        WHERE subscription_id = :subscription AND status = 'failed' AND created_at >= :since
                        RETURNING call_uuid""")
                .param("subscription", subscription)
                .param("since", Timestamps.toDb(since))
                .query(rs -> {
                    chains.add(new CallOrder.Chain(subscription, rs.getObject("call_uuid", java.util.UUID.class)));
                });
        order.unblockNext(chains.stream().filter(c -> c.call() != null).distinct().toList());
        jdbc.sql("SELECT count(*) FROM (SELECT pg_notify(:channel, '')) n").param("channel", WebhookOutbox.CHANNEL)
                .query(Long.class).single();
        return chains.size();
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
