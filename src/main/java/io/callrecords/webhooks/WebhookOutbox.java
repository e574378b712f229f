package io.callrecords.webhooks;

import io.callrecords.calls.CallConnected;
import io.callrecords.calls.CallRecord;
import io.callrecords.calls.CallRecords;
import io.callrecords.calls.Direction;
import io.callrecords.calls.CallEnded;
import io.callrecords.calls.CallStarted;
import io.callrecords.calls.CallUpdated;
import io.callrecords.media.MediaKind;
import io.callrecords.media.MediaLinks;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outbox: the calls module publishes its events inside the transaction that changed the
 * record; this listener, running synchronously in that transaction, collects them and, just
 * before the commit, writes one delivery per event and matching subscription in one statement and
 * sends the NOTIFY that wakes the dispatchers, both in that same transaction. So a delivery exists
 * exactly when the change it announces does. Within a transaction the deliveries keep the order
 * the events were published in; across transactions the calls module's per-call lock orders them.
 *
 * <p>Each delivery keeps the record as it was when its event happened (webhooks.md): {@code call_init} and
 * {@code call_bridged} the record their event carries, the others the record as this transaction leaves it; and
 * which audio the call had then, whose links are signed at each attempt. A subscription that holds
 * {@code call_hangup} for the call's media gets it due only when the audio arrives or its wait ends.
 */
@Component
class WebhookOutbox {

    static final String CHANNEL = "webhook_deliveries";

    /**
     * @param record       the record at the event, when the event carries it; null: as the transaction leaves it
     * @param mediaArrived audio was attached: held {@code call_hangup}s of the call may go
     */
    private record Entry(long accountId, UUID call, WebhookEvent event, CallRecord record, boolean mediaArrived) {}

    private final JdbcClient jdbc;
    private final CallOrder order;
    private final CallRecords records;
    private final MediaLinks media;
    private final JsonMapper json;

    WebhookOutbox(JdbcClient jdbc, CallOrder order, CallRecords records, MediaLinks media, JsonMapper json) {
        this.jdbc = jdbc;
        this.order = order;
        this.records = records;
        this.media = media;
        this.json = json;
    }

    @EventListener
    void on(CallStarted e) {
        add(new Entry(e.accountId(), e.uuid(), WebhookEvent.CALL_INIT, e.record(), false));
    }

    @EventListener
    void on(CallConnected e) {
        add(new Entry(e.accountId(), e.uuid(), WebhookEvent.CALL_BRIDGED, e.record(), false));
    }

    @EventListener
    void on(CallEnded e) {
        add(new Entry(e.accountId(), e.uuid(), WebhookEvent.CALL_HANGUP, null, false));
    }

    @EventListener
    void on(CallUpdated e) {
        add(new Entry(e.accountId(), e.uuid(), WebhookEvent.CALL_UPDATED, null,
                e.cause() == CallUpdated.Cause.MEDIA_ATTACHED));
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
        release(entries); // whatever this transaction queues: a call_updated need not be subscribed to
        // Queued behind what is still pending of the same call (and behind earlier events of this batch).
        Optional<Set<CallOrder.Chain>> locked = order.lockPending(entries.stream().map(Entry::accountId).toList(),
                entries.stream().map(e -> e.event().wire()).toList(), entries.stream().map(Entry::call).toList());
        if (locked.isEmpty()) {
            return; // no subscription wants any of these events: nothing to queue, nothing to announce
        }
        Set<CallOrder.Chain> pending = locked.get();
        Snapshots snapshots = snapshots(entries);
        jdbc.sql("""
                        WITH e AS (
                          SELECT * FROM unnest(CAST(:accounts AS bigint[]), CAST(:calls AS uuid[]), CAST(:events AS text[]),
                                               CAST(:payloads AS text[]), CAST(:media AS text[]), CAST(:media_possible AS boolean[]))
                                   WITH ORDINALITY AS e(account_id, call_uuid, event, payload, media, media_possible, n)),
                        earlier AS (
                          SELECT * FROM unnest(CAST(:pending_subscriptions AS bigint[]), CAST(:pending_calls AS uuid[]))
                                   AS p(subscription_id, call_uuid)),
                        rows AS (
                          SELECT s.id AS subscription_id, s.account_id, s.status AS subscription_status, e.event, e.call_uuid, e.n,
                                 e.payload, string_to_array(e.media, ',') AS media,
                                 -- held for the media: only a conversation or a voicemail can have audio to wait for
                                 s.hangup_waits_for_media AND e.event = 'call_hangup' AND e.media_possible AND e.media = ''
                                   AND s.status <> 'disabled' AS held, s.media_wait_seconds,
                                 row_number() OVER (PARTITION BY s.id, e.call_uuid ORDER BY e.n) > 1
                                   OR EXISTS (SELECT 1 FROM earlier p WHERE p.subscription_id = s.id AND p.call_uuid = e.call_uuid)
                                   AS blocked
                          FROM e JOIN webhook_subscriptions s ON s.account_id = e.account_id AND e.event = ANY (s.events)),
                        written AS (
                          INSERT INTO webhook_deliveries (subscription_id, account_id, event, call_uuid, payload, media,
                                                          awaiting_media, next_attempt_at, webhook_id, status,
                                                          blocked, last_error, completed_at)
                          SELECT subscription_id, account_id, event, call_uuid, payload, media, held,
                                 CASE WHEN held THEN now() + make_interval(secs => media_wait_seconds) ELSE now() END,
                                 'msg_' || replace(gen_random_uuid()::text, '-', ''),
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
                .param("payloads", entries.stream().map(snapshots::payload).toArray(String[]::new))
                .param("media", entries.stream().map(snapshots::media).toArray(String[]::new))
                .param("media_possible", entries.stream().map(snapshots::mayHaveMedia).toArray(String[]::new))
                .param("pending_subscriptions", pending.stream().map(CallOrder.Chain::subscription).toArray(Long[]::new))
                .param("pending_calls", pending.stream().map(c -> c.call().toString()).toArray(String[]::new))
                .param("channel", CHANNEL)
                .query(Integer.class)
                .single();
    }

    /** The record of each entry's call at its event, as JSON without media links, and the audio each call has now. */
    private record Snapshots(Map<Entry, CallRecord> records, Map<Long, Map<UUID, Set<MediaKind>>> kinds,
                             JsonMapper json) {

        /** Null when the record is gone (the delivery is then built at send time and finds nothing). */
        String payload(Entry entry) {
            CallRecord record = records.get(entry);
            return record == null ? null : json.writeValueAsString(record);
        }

        /** The kinds of audio, comma-separated ({@code recording,voicemail}); empty for none. */
        String media(Entry entry) {
            return kindsOf(entry.accountId(), entry.call()).stream().map(MediaKind::wire).sorted()
                    .collect(Collectors.joining(","));
        }

        Set<MediaKind> kindsOf(long accountId, UUID call) {
            return kinds.getOrDefault(accountId, Map.of()).getOrDefault(call, Set.of());
        }

        /**
         * Calls that can have audio: a conversation (a bridge; an outbound call the contact answered; an inbound call a
         * user answered) or a voicemail box reached. A call only an IVR picked up has none to wait for.
         */
        String mayHaveMedia(Entry entry) {
            CallRecord r = records.get(entry);
            return Boolean.toString(r != null && (r.bridgedAt() != null || r.voicemailId() != null
                    || r.answeredAt() != null && (r.direction() != Direction.INBOUND || Boolean.FALSE.equals(r.missingCall()))));
        }
    }

    private Snapshots snapshots(List<Entry> entries) {
        Map<Long, Set<UUID>> calls = new LinkedHashMap<>();
        Map<Long, Set<UUID>> unread = new LinkedHashMap<>();
        for (Entry e : entries) {
            calls.computeIfAbsent(e.accountId(), a -> new LinkedHashSet<>()).add(e.call());
            if (e.record() == null) {
                unread.computeIfAbsent(e.accountId(), a -> new LinkedHashSet<>()).add(e.call());
            }
        }
        Map<Long, Map<UUID, CallRecord>> stored = new HashMap<>();
        unread.forEach((account, uuids) -> stored.put(account, records.asStored(account, uuids)));
        Map<Long, Map<UUID, Set<MediaKind>>> kinds = new HashMap<>();
        calls.forEach((account, uuids) -> kinds.put(account, media.kinds(account, uuids)));
        Map<Entry, CallRecord> byEntry = new IdentityHashMap<>();
        for (Entry e : entries) {
            CallRecord record = e.record() != null ? e.record()
                    : stored.getOrDefault(e.accountId(), Map.of()).get(e.call());
            if (record != null) {
                byEntry.put(e, record);
            }
        }
        return new Snapshots(byEntry, kinds, json);
    }

    /**
     * Held {@code call_hangup}s of calls whose audio arrived go now, carrying that audio; one that already went, or
     * failed and waits for a retry, is left alone.
     */
    private void release(List<Entry> entries) {
        List<Entry> arrived = entries.stream().filter(Entry::mediaArrived).toList();
        if (arrived.isEmpty()) {
            return;
        }
        Map<Long, Set<UUID>> calls = new LinkedHashMap<>();
        arrived.forEach(e -> calls.computeIfAbsent(e.accountId(), a -> new LinkedHashSet<>()).add(e.call()));
        Map<Long, Map<UUID, Set<MediaKind>>> kinds = new HashMap<>();
        calls.forEach((account, uuids) -> kinds.put(account, media.kinds(account, uuids)));
        Snapshots snapshots = new Snapshots(Map.of(), kinds, json);
        jdbc.sql("""
                        WITH released AS (
                          UPDATE webhook_deliveries d SET awaiting_media = false, next_attempt_at = now(),
                                 media = string_to_array(m.media, ',')
                          FROM unnest(CAST(:accounts AS bigint[]), CAST(:calls AS uuid[]), CAST(:media AS text[]))
                               AS m(account_id, call_uuid, media)
                          WHERE d.awaiting_media AND d.call_uuid = m.call_uuid AND d.account_id = m.account_id
                            AND d.status = 'pending' AND d.attempts = 0
                          RETURNING d.id)
                        SELECT count(*) FROM (SELECT pg_notify(:channel, '') FROM released LIMIT 1) n""")
                .param("accounts", arrived.stream().map(Entry::accountId).toArray(Long[]::new))
                .param("calls", arrived.stream().map(e -> e.call().toString()).toArray(String[]::new))
                .param("media", arrived.stream().map(snapshots::media).toArray(String[]::new))
                .param("channel", CHANNEL)
                .query(Integer.class)
                .single();
    }
}
