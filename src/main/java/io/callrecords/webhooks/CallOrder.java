package io.callrecords.webhooks;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Per-call order of deliveries: a delivery is written {@code blocked} when an earlier one of the
 * same call and subscription is still pending, and the one that finishes unblocks the next. So the
 * dispatcher only ever looks at deliveries that may go, however long the queue behind them.
 *
 * <p>Races are closed by locks: a writer KEY SHARE-locks the pending deliveries it queues behind,
 * so a concurrent result write (which FOR UPDATE-locks a delivery before finishing it) either
 * finished it before — and the writer does not block — or finishes it after the writer commits —
 * and then sees the new delivery and unblocks it. A periodic sweep repairs whatever a manual
 * resend or a disable in between may leave blocked with nothing before it.
 */
@Component
class CallOrder {

    /** A call's chain of deliveries to one subscription. */
    record Chain(long subscription, UUID call) {}

    private final JdbcClient jdbc;

    CallOrder(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The chains of these calls that have pending deliveries, locked until the caller's commit; empty
     * when none of the accounts has a subscription to any of the events, since then nothing is queued.
     * One statement either way: for an account without webhooks, intake pays one index probe here.
     */
    Optional<Set<Chain>> lockPending(Collection<Long> accounts, Collection<String> events, Collection<UUID> calls) {
        record Row(boolean subscribed, Chain pending) {}
        List<Row> rows = jdbc.sql("""
                        SELECT s.subscribed, p.subscription_id, p.call_uuid
                        FROM (SELECT EXISTS (SELECT 1 FROM webhook_subscriptions
                                             WHERE account_id = ANY (CAST(:accounts AS bigint[]))
                                               AND events && CAST(:events AS text[])) AS subscribed) s
                        LEFT JOIN LATERAL (
                          SELECT subscription_id, call_uuid FROM webhook_deliveries
                          WHERE s.subscribed AND call_uuid = ANY (CAST(:calls AS uuid[])) AND status = 'pending'
                          ORDER BY id FOR KEY SHARE) p ON true""")
                .param("accounts", accounts.stream().distinct().toArray(Long[]::new))
                .param("events", events.stream().distinct().toArray(String[]::new))
                .param("calls", calls.stream().map(UUID::toString).distinct().toArray(String[]::new))
                .query((rs, n) -> new Row(rs.getBoolean("subscribed"), rs.getObject("subscription_id") == null ? null
                        : new Chain(rs.getLong("subscription_id"), rs.getObject("call_uuid", UUID.class))))
                .list();
        if (!rows.getFirst().subscribed()) {
            return Optional.empty();
        }
        return Optional.of(rows.stream().map(Row::pending).filter(Objects::nonNull).collect(Collectors.toSet()));
    }

    /** Unblocks the first pending delivery of each chain (after deliveries of these chains finished). */
    void unblockNext(List<Chain> chains) {
        if (chains.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        UPDATE webhook_deliveries d SET blocked = false
                        FROM (SELECT DISTINCT ON (f.subscription_id, f.call_uuid) f.id, f.blocked
                              FROM unnest(CAST(:subscriptions AS bigint[]), CAST(:calls AS uuid[])) AS c(subscription_id, call_uuid)
                              JOIN webhook_deliveries f ON f.call_uuid = c.call_uuid AND f.subscription_id = c.subscription_id
                                   AND f.status = 'pending'
                              ORDER BY f.subscription_id, f.call_uuid, f.id) head
                        WHERE d.id = head.id AND head.blocked""")
                .param("subscriptions", chains.stream().map(Chain::subscription).toArray(Long[]::new))
                .param("calls", chains.stream().map(c -> c.call().toString()).toArray(String[]::new))
                .update();
    }

    /** Unblocks every blocked delivery with nothing pending before it; returns how many. */
    int sweep() {
        return jdbc.sql("""
                        UPDATE webhook_deliveries d SET blocked = false
                        WHERE d.status = 'pending' AND d.blocked
                          AND NOT EXISTS (SELECT 1 FROM webhook_deliveries e
                                          WHERE e.call_uuid = d.call_uuid AND e.subscription_id = d.subscription_id
                                            AND e.status = 'pending' AND e.id < d.id)""")
                .update();
    }
}
