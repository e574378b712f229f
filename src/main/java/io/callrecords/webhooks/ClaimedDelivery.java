package io.callrecords.webhooks;

import io.callrecords.shared.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A delivery reserved for this node, with what sending it needs from its subscription. */
record ClaimedDelivery(long id, long subscriptionId, long accountId, String event, UUID callUuid, String payload,
                       List<String> media, String webhookId, int attempts, boolean probe, String url, String secret, String previousSecret,
                       Instant previousSecretUntil, UUID claimId) {

    static final String COLUMNS = """
            d.id, d.subscription_id, d.account_id, d.event, d.call_uuid, d.payload, d.media, d.webhook_id, d.attempts,
            s.consecutive_failures, s.url, s.secret, s.previous_secret, s.previous_secret_until""";

    static ClaimedDelivery read(ResultSet rs, int threshold) throws SQLException {
        return new ClaimedDelivery(rs.getLong("id"), rs.getLong("subscription_id"), rs.getLong("account_id"),
                rs.getString("event"), rs.getObject("call_uuid", UUID.class), rs.getString("payload"),
                List.of((String[]) rs.getArray("media").getArray()), rs.getString("webhook_id"), rs.getInt("attempts"), rs.getInt("consecutive_failures") >= threshold,
                rs.getString("url"), rs.getString("secret"), rs.getString("previous_secret"),
                Timestamps.fromDb(rs, "previous_secret_until"), null);
    }

    ClaimedDelivery withClaim(UUID claim) {
        return new ClaimedDelivery(id, subscriptionId, accountId, event, callUuid, payload, media, webhookId, attempts, probe,
                url, secret, previousSecret, previousSecretUntil, claim);
    }

    /** The secrets that sign now: the current one, and the previous one during its overlap. */
    List<WebhookSecret> signingSecrets(Instant now) {
        List<WebhookSecret> secrets = new ArrayList<>(List.of(new WebhookSecret(secret)));
        if (previousSecret != null && previousSecretUntil != null && previousSecretUntil.isAfter(now)) {
            secrets.add(new WebhookSecret(previousSecret));
        }
        return secrets;
    }
}
