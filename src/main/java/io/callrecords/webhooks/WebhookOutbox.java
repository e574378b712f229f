package io.callrecords.webhooks;

import io.callrecords.calls.CallConnected;
import io.callrecords.calls.CallEnded;
import io.callrecords.calls.CallStarted;
import io.callrecords.calls.CallUpdated;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The outbox: the calls module publishes its events inside the transaction that changed the
 * record; this listener, running synchronously in that transaction, collects them and, just
 * before the commit, writes one delivery per event and matching subscription in one statement and
 * sends the NOTIFY that wakes the dispatchers, both in that same transaction. So a delivery exists
 * exactly when the change it announces does. Within a transaction the deliveries keep the order
 * the events were published in; across transactions the calls module's per-call lock orders them.
 */
@Component
class WebhookOutbox {

    static final String CHANNEL = "webhook_deliveries";

    private record Entry(long accountId, UUID call, WebhookEvent event) {}

    private final JdbcClient jdbc;
    private final CallOrder order;

    WebhookOutbox(JdbcClient jdbc, CallOrder order) {
        this.jdbc = jdbc;
        this.order = order;
    }

    @EventListener
    void on(CallStarted e) {
        add(new Entry(e.accountId(), e.uuid(), WebhookEvent.CALL_INIT));
    }

    @EventListener
    void on(CallConnected e) {
        add(new Entry(e.accountId(), e.uuid(), WebhookEvent.CALL_BRIDGED));
    }

    @EventListener
    void on(CallEnded e) {
        add(new Entry(e.accountId(), e.uuid(), WebhookEvent.CALL_HANGUP));
    }

    @EventListener
    void on(CallUpdated e) {
        add(new Entry(e.accountId(), e.uuid(), WebhookEvent.CALL_UPDATED));
    }

    private void add(Entry entry) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            write(List.of(entry)); // not expected: the calls module publishes inside its transactions
            return;
        }
        @SuppressWarnings("unchecked")
        List<Entry> pending = (List<Entry>) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            List<Entry> batch = new ArrayList<>();
            TransactionSynchronizationManager.bindResource(this, batch);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    write(batch);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(WebhookOutbox.this);
                }
            });
            pending = batch;
        }
        pending.add(entry);
    }

    /**
     * One row per event and subscribed subscription. A paused subscription's deliveries wait; a
     * disabled one's are logged as failed at once, so that {@code recover} can still send them.
     */
    private void write(List<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        // Queued behind what is still pending of the same call (and behind earlier events of this batch).
        Optional<Set<CallOrder.Chain>> locked = order.lockPending(entries.stream().map(Entry::accountId).toList(),
                entries.stream().map(e -> e.event().wire()).toList(), entries.stream().map(Entry::call).toList());
        if (locked.isEmpty()) {
            return; // no subscription wants any of these events: nothing to queue, nothing to announce
        }
        Set<CallOrder.Chain> pending = locked.get();
        jdbc.sql("""
                        WITH e AS (
                          SELECT * FROM unnest(CAST(:accounts AS bigint[]), CAST(:calls AS uuid[]), CAST(:events AS text[]))
                                   WITH ORDINALITY AS e(account_id, call_uuid, event, n)),
                        earlier AS (
                          SELECT * FROM unnest(CAST(:pending_subscriptions AS bigint[]), CAST(:pending_calls AS uuid[]))
                                   AS p(subscription_id, call_uuid)),
                        rows AS (
                          SELECT s.id AS subscription_id, s.account_id, s.status AS subscription_status, e.event, e.call_uuid, e.n,
                                 row_number() OVER (PARTITION BY s.id, e.call_uuid ORDER BY e.n) > 1
                                   OR EXISTS (SELECT 1 FROM earlier p WHERE p.subscription_id = s.id AND p.call_uuid = e.call_uuid)
                                   AS blocked
                          FROM e JOIN webhook_subscriptions s ON s.account_id = e.account_id AND e.event = ANY (s.events)),
                        written AS (
                          INSERT INTO webhook_deliveries (subscription_id, account_id, event, call_uuid, webhook_id, status,
                                                          blocked, last_error, completed_at)
                          SELECT subscription_id, account_id, event, call_uuid, 'msg_' || replace(gen_random_uuid()::text, '-', ''),
                                 CASE WHEN subscription_status = 'disabled' THEN 'failed' ELSE 'pending' END,
                                 blocked AND subscription_status <> 'disabled',
                                 CASE WHEN subscription_status = 'disabled' THEN 'Not sent: the subscription is disabled.' END,
                                 CASE WHEN subscription_status = 'disabled' THEN now() END
                          FROM rows ORDER BY n, subscription_id
                          RETURNING status)
                        SELECT count(*) FROM (SELECT pg_notify(:channel, '') FROM written WHERE status = 'pending' LIMIT 1) n""")
                .param("accounts", entries.stream().map(Entry::accountId).toArray(Long[]::new))
                .param("calls", entries.stream().map(e -> e.call().toString()).toArray(String[]::new))
                .param("events", entries.stream().map(e -> e.event().wire()).toArray(String[]::new))
                .param("pending_subscriptions", pending.stream().map(CallOrder.Chain::subscription).toArray(Long[]::new))
                .param("pending_calls", pending.stream().map(c -> c.call().toString()).toArray(String[]::new))
                .param("channel", CHANNEL)
                .query(Integer.class)
                .single();
    }
}
