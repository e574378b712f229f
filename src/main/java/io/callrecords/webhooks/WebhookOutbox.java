package io.callrecords.webhooks;

import io.callrecords.calls.CallConnected;
import io.callrecords.calls.CallEnded;
import io.callrecords.calls.CallStarted;
import io.callrecords.calls.CallUpdated;
import java.util.ArrayList;
import java.util.List;
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

    WebhookOutbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
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
        jdbc.sql("""
                        WITH e AS (
                          SELECT * FROM unnest(CAST(:accounts AS bigint[]), CAST(:calls AS uuid[]), CAST(:events AS text[]))
                                   WITH ORDINALITY AS e(account_id, call_uuid, event, n)),
                        written AS (
                          INSERT INTO webhook_deliveries (subscription_id, account_id, event, call_uuid, webhook_id, status,
                                                          last_error, completed_at)
                          SELECT s.id, s.account_id, e.event, e.call_uuid, 'msg_' || replace(gen_random_uuid()::text, '-', ''),
                                 CASE WHEN s.status = 'disabled' THEN 'failed' ELSE 'pending' END,
                                 CASE WHEN s.status = 'disabled' THEN 'Not sent: the subscription is disabled.' END,
                                 CASE WHEN s.status = 'disabled' THEN now() END
                          FROM e JOIN webhook_subscriptions s ON s.account_id = e.account_id AND e.event = ANY (s.events)
                          ORDER BY e.n, s.id
                          RETURNING status)
                        SELECT count(*) FROM (SELECT pg_notify(:channel, '') FROM written WHERE status = 'pending' LIMIT 1) n""")
                .param("accounts", entries.stream().map(Entry::accountId).toArray(Long[]::new))
                .param("calls", entries.stream().map(e -> e.call().toString()).toArray(String[]::new))
                .param("events", entries.stream().map(e -> e.event().wire()).toArray(String[]::new))
                .param("channel", CHANNEL)
                .query(Integer.class)
                .single();
    }
}
