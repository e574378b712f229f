package io.callrecords.webhooks;

import io.callrecords.shared.Timestamps;
import java.time.Instant;
import java.sql.Types;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code webhook_subscriptions} table, always scoped by account. */
@Repository
class Subscriptions {

    private final JdbcClient jdbc;

    Subscriptions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A new subscription; a media option left out (null) takes its default (no wait; 60 s). */
    Subscription insert(long accountId, SubscriptionFields fields, WebhookSecret secret) {
        return jdbc.sql("""
                        INSERT INTO webhook_subscriptions (account_id, url, events, description, hangup_waits_for_media,
                                                           media_wait_seconds, secret)
                        VALUES (:account, :url, CAST(:events AS text[]), :description,
                                coalesce(CAST(:waits AS boolean), false), coalesce(CAST(:wait AS integer), 60), :secret)
                        RETURNING""" + " " + Subscription.COLUMNS)
                .param("account", accountId)
                .param("url", fields.url())
                .param("events", fields.events().toArray(String[]::new))
                .param("description", fields.description())
                .param("waits", fields.hangupWaitsForMedia(), Types.BOOLEAN)
                .param("wait", fields.mediaWaitSeconds(), Types.INTEGER)
                .param("secret", secret.value())
                .query(Subscription::read)
                .single();
    }

    List<Subscription> list(long accountId) {
        return jdbc.sql("SELECT " + Subscription.COLUMNS + " FROM webhook_subscriptions WHERE account_id = :account ORDER BY id")
                .param("account", accountId)
                .query(Subscription::read)
                .list();
    }

    int count(long accountId) {
        return jdbc.sql("SELECT count(*) FROM webhook_subscriptions WHERE account_id = :account")
                .param("account", accountId).query(Integer.class).single();
    }

    Optional<Subscription> find(long accountId, long id) {
        return jdbc.sql("SELECT " + Subscription.COLUMNS + " FROM webhook_subscriptions WHERE account_id = :account AND id = :id")
                .param("account", accountId)
                .param("id", id)
                .query(Subscription::read)
                .optional();
    }

    /** Changes the given fields (null = keep); {@code clearDescription} sets the description to null. */
    Optional<Subscription> update(long accountId, long id, SubscriptionFields fields) {
        return jdbc.sql("""
                        UPDATE webhook_subscriptions SET url = coalesce(:url, url),
                          events = coalesce(CAST(:events AS text[]), events),
                          description = CASE WHEN :clear THEN NULL ELSE coalesce(:description, description) END,
                          hangup_waits_for_media = coalesce(CAST(:waits AS boolean), hangup_waits_for_media),
                          media_wait_seconds = coalesce(CAST(:wait AS integer), media_wait_seconds),
                          updated_at = now()
                        WHERE account_id = :account AND id = :id RETURNING """ + " " + Subscription.COLUMNS)
                .param("url", fields.url())
                .param("events", fields.events() == null ? null : fields.events().toArray(String[]::new))
                .param("description", fields.description())
                .param("clear", fields.clearDescription())
                .param("waits", fields.hangupWaitsForMedia(), Types.BOOLEAN)
                .param("wait", fields.mediaWaitSeconds(), Types.INTEGER)
                .param("account", accountId)
                .param("id", id)
                .query(Subscription::read)
                .optional();
    }

    Optional<Subscription> pause(long accountId, long id) {
        return change(accountId, id, "status = CASE WHEN status = 'active' THEN 'paused' ELSE status END");
    }

    /** Active again, its health forgotten: a disabled subscription gets a fresh start too. */
    Optional<Subscription> resume(long accountId, long id) {
        return change(accountId, id, """
                status = 'active', disabled_reason = NULL, disabled_at = NULL, consecutive_failures = 0,
                failing_since = NULL, hold_until = NULL""");
    }

    /** The new secret signs from now on; the old one signs beside it until {@code overlapUntil}. */
    Optional<Subscription> rotate(long accountId, long id, WebhookSecret secret, Instant overlapUntil) {
        return jdbc.sql("""
                        UPDATE webhook_subscriptions SET previous_secret = secret, previous_secret_until = :until,
                          secret = :secret, updated_at = now()
                        WHERE account_id = :account AND id = :id RETURNING """ + " " + Subscription.COLUMNS)
                .param("until", Timestamps.toDb(overlapUntil))
                .param("secret", secret.value())
                .param("account", accountId)
                .param("id", id)
                .query(Subscription::read)
                .optional();
    }

    /**
     * Deletes the subscription with its deliveries and attempts; returns it as it was. Deliveries
     * go first: the dispatcher locks deliveries before their subscription, and so must this, or the
     * two could wait for each other. Run it in a transaction.
     */
    Optional<Subscription> delete(long accountId, long id) {
        jdbc.sql("""
                        DELETE FROM webhook_deliveries WHERE subscription_id =
                          (SELECT id FROM webhook_subscriptions WHERE account_id = :account AND id = :id)""")
                .param("account", accountId)
                .param("id", id)
                .update();
        return jdbc.sql("DELETE FROM webhook_subscriptions WHERE account_id = :account AND id = :id RETURNING " + Subscription.COLUMNS)
                .param("account", accountId)
                .param("id", id)
                .query(Subscription::read)
                .optional();
    }

    private Optional<Subscription> change(long accountId, long id, String set) {
        return jdbc.sql("UPDATE webhook_subscriptions SET " + set + ", updated_at = now()"
                        + " WHERE account_id = :account AND id = :id RETURNING " + Subscription.COLUMNS)
                .param("account", accountId)
                .param("id", id)
                .query(Subscription::read)
                .optional();
    }
}
