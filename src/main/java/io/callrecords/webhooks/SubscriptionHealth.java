package io.callrecords.webhooks;

import io.callrecords.shared.Timestamps;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Applies attempts to their subscriptions' health ({@link CircuitBreaker}) inside the caller's
 * transaction: rows locked in id order, changed ones written back, and a subscription that became
 * disabled has its waiting deliveries failed (so that {@code recover} can re-queue them later).
 */
@Component
class SubscriptionHealth {

    private final JdbcClient jdbc;
    private final CircuitBreaker breaker;

    SubscriptionHealth(JdbcClient jdbc, CircuitBreaker breaker) {
        this.jdbc = jdbc;
        this.breaker = breaker;
    }

    /** @param outcomes attempts whose claims held, in the order they ended */
    void apply(List<AttemptOutcome> outcomes) {
        Map<Long, List<AttemptOutcome>> bySubscription = new TreeMap<>();
        outcomes.stream().filter(o -> o.kind() != AttemptOutcome.Kind.UNSENDABLE)
                .forEach(o -> bySubscription.computeIfAbsent(o.subscriptionId(), s -> new java.util.ArrayList<>()).add(o));
        if (bySubscription.isEmpty()) {
            return;
        }
        Map<Long, CircuitBreaker.State> states = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT id, status, consecutive_failures, failing_since, hold_until, disabled_reason, disabled_at
                        FROM webhook_subscriptions WHERE id = ANY (CAST(:ids AS bigint[])) ORDER BY id FOR NO KEY UPDATE""")
                .param("ids", bySubscription.keySet().toArray(Long[]::new))
                .query(rs -> {
                    states.put(rs.getLong("id"), new CircuitBreaker.State(rs.getString("status"),
                            rs.getInt("consecutive_failures"), Timestamps.fromDb(rs, "failing_since"),
                            Timestamps.fromDb(rs, "hold_until"), rs.getString("disabled_reason"),
                            Timestamps.fromDb(rs, "disabled_at")));
                });
        states.forEach((id, before) -> {
            CircuitBreaker.State after = breaker.apply(before, bySubscription.get(id));
            if (!after.equals(before)) {
                write(id, after);
            }
            if (after.disabled() && !before.disabled()) {
                failWaiting(id, after.disabledReason());
            }
        });
    }

    private void write(long id, CircuitBreaker.State s) {
        jdbc.sql("""
                        UPDATE webhook_subscriptions SET status = :status, consecutive_failures = :failures,
                          failing_since = :since, hold_until = :hold, disabled_reason = :reason, disabled_at = :disabled_at,
                          updated_at = CASE WHEN status <> :status THEN now() ELSE updated_at END
                        WHERE id = :id""")
                .param("status", s.status())
                .param("failures", s.consecutiveFailures())
                .param("since", Timestamps.toDb(s.failingSince()))
                .param("hold", Timestamps.toDb(s.holdUntil()))
                .param("reason", s.disabledReason())
                .param("disabled_at", Timestamps.toDb(s.disabledAt()))
                .param("id", id)
                .update();
    }

    private void failWaiting(long subscription, String reason) {
        jdbc.sql("""
                        UPDATE webhook_deliveries SET status = 'failed', claim_id = NULL, lease_until = NULL,
                          last_error = :error, completed_at = now()
                        WHERE subscription_id = :id AND status = 'pending'""")
                .param("error", "Not sent: the subscription was disabled. " + reason)
                .param("id", subscription)
                .update();
    }
}
