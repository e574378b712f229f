package io.callrecords.webhooks;

import io.callrecords.shared.Timestamps;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes what attempts did, many at a time in one short transaction: the attempt log, each
 * delivery's next state (only while the attempt's claim is still the delivery's: a node that lost
 * its lease does not overwrite the one that took over), each subscription's health, and a NOTIFY,
 * since a finished delivery may let the next event of its call go.
 */
@Component
class DeliveryResults {

    private record Current(UUID claim, int failures, Instant queuedAt, long subscription, UUID call) {}

    private record Update(AttemptOutcome outcome, RetryPolicy.Next next) {}

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final RetryPolicy retries;
    private final SubscriptionHealth health;
    private final CallOrder order;

    DeliveryResults(JdbcClient jdbc, TransactionTemplate transaction, RetryPolicy retries, SubscriptionHealth health,
                    CallOrder order) {
        this.order = order;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.retries = retries;
        this.health = health;
    }

    void write(List<AttemptOutcome> outcomes) {
        transaction.executeWithoutResult(status -> {
            // An outcome lost in a database crash means a delivery sent once more, never one lost.
            DeliveryClaims.relaxDurability(jdbc);
            Map<Long, Current> current = current(outcomes);
            List<AttemptOutcome> logged = outcomes.stream().filter(o -> current.containsKey(o.deliveryId())).toList();
            logAttempts(logged);
            List<AttemptOutcome> counted = new ArrayList<>();
            List<Update> updates = new ArrayList<>();
            for (AttemptOutcome o : logged) {
                Current c = current.get(o.deliveryId());
                if (o.claimId().equals(c.claim())) {
                    RetryPolicy.Next next = retries.after(o, c.failures(), c.queuedAt(), ThreadLocalRandom.current());
                    updates.add(new Update(o, next));
                    counted.add(o);
                }
            }
            updateDeliveries(updates);
            order.unblockNext(updates.stream().filter(u -> !"pending".equals(u.next().status()))
                    .map(u -> current.get(u.outcome().deliveryId()))
                    .filter(c -> c.call() != null)
                    .map(c -> new CallOrder.Chain(c.subscription(), c.call())).distinct().toList());
            counted.sort(Comparator.comparing(AttemptOutcome::endedAt));
            health.apply(counted);
            jdbc.sql("SELECT count(*) FROM (SELECT pg_notify(:channel, '')) n").param("channel", WebhookOutbox.CHANNEL)
                    .query(Long.class).single();
        });
    }

    private Map<Long, Current> current(List<AttemptOutcome> outcomes) {
        Map<Long, Current> out = new HashMap<>();
        jdbc.sql("""
                        SELECT id, claim_id, failures, queued_at, subscription_id, call_uuid FROM webhook_deliveries
                        WHERE id = ANY (CAST(:ids AS bigint[])) ORDER BY id FOR UPDATE""")
                .param("ids", outcomes.stream().map(AttemptOutcome::deliveryId).toArray(Long[]::new))
                .query(rs -> {
                    out.put(rs.getLong("id"), new Current(rs.getObject("claim_id", UUID.class), rs.getInt("failures"),
                            Timestamps.fromDb(rs, "queued_at"), rs.getLong("subscription_id"),
                            rs.getObject("call_uuid", UUID.class)));
                });
        return out;
    }

    private void logAttempts(List<AttemptOutcome> outcomes) {
        if (outcomes.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        INSERT INTO webhook_attempts (delivery_id, attempted_at, http_status, error, latency_ms, response_body)
                        SELECT * FROM unnest(CAST(:ids AS bigint[]), CAST(:ats AS timestamptz[]), CAST(:statuses AS integer[]),
                                             CAST(:errors AS text[]), CAST(:latencies AS integer[]), CAST(:bodies AS text[]))""")
                .param("ids", outcomes.stream().map(AttemptOutcome::deliveryId).toArray(Long[]::new))
                .param("ats", outcomes.stream().map(o -> o.at().toString()).toArray(String[]::new))
                .param("statuses", outcomes.stream().map(AttemptOutcome::httpStatus).toArray(Integer[]::new))
                .param("errors", outcomes.stream().map(o -> clean(o.error())).toArray(String[]::new))
                .param("latencies", outcomes.stream().map(o -> (int) Math.min(Integer.MAX_VALUE, o.latencyMs())).toArray(Integer[]::new))
                .param("bodies", outcomes.stream().map(o -> clean(o.responseBody())).toArray(String[]::new))
                .update();
    }

    private void updateDeliveries(List<Update> updates) {
        if (updates.isEmpty()) {
            return;
        }
        List<AttemptOutcome> outcomes = updates.stream().map(Update::outcome).toList();
        List<RetryPolicy.Next> nexts = updates.stream().map(Update::next).toList();
        jdbc.sql("""
                        UPDATE webhook_deliveries d SET status = u.status, attempts = d.attempts + 1, failures = u.failures,
                          next_attempt_at = coalesce(u.next_at, d.next_attempt_at), claim_id = NULL, lease_until = NULL,
                          last_http_status = u.http_status, last_error = u.error,
                          completed_at = CASE WHEN u.status = 'pending' THEN NULL ELSE now() END
                        FROM unnest(CAST(:ids AS bigint[]), CAST(:statuses AS text[]), CAST(:failures AS integer[]),
                                    CAST(:nexts AS timestamptz[]), CAST(:https AS integer[]), CAST(:errors AS text[]))
                             AS u(id, status, failures, next_at, http_status, error)
                        WHERE d.id = u.id""")
                .param("ids", outcomes.stream().map(AttemptOutcome::deliveryId).toArray(Long[]::new))
                .param("statuses", nexts.stream().map(RetryPolicy.Next::status).toArray(String[]::new))
                .param("failures", nexts.stream().map(RetryPolicy.Next::failures).toArray(Integer[]::new))
                .param("nexts", nexts.stream().map(n -> n.nextAttemptAt() == null ? null : n.nextAttemptAt().toString())
                        .toArray(String[]::new))
                .param("https", outcomes.stream().map(AttemptOutcome::httpStatus).toArray(Integer[]::new))
                .param("errors", outcomes.stream().map(o -> clean(o.error())).toArray(String[]::new))
                .update();
    }

    /** PostgreSQL text cannot hold NUL characters; a receiver's answer may. */
    private static String clean(String text) {
        return text == null ? null : text.replace('\u0000', '\uFFFD');
    }
}
