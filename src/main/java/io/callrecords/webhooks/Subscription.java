package io.callrecords.webhooks;

import io.callrecords.shared.Timestamps;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** A webhook subscription as stored (without its secrets). */
record Subscription(long id, long accountId, String url, List<String> events, String description,
                    boolean hangupWaitsForMedia, int mediaWaitSeconds, String status,
                    String disabledReason, Instant disabledAt, int consecutiveFailures, Instant failingSince,
                    Instant holdUntil, Instant previousSecretUntil, Instant createdAt, Instant updatedAt) {

    static final String COLUMNS = """
            id, account_id, url, events, description, hangup_waits_for_media, media_wait_seconds, status, disabled_reason, disabled_at, consecutive_failures,
            failing_since, hold_until, previous_secret_until, created_at, updated_at""";

    static Subscription read(ResultSet rs, int row) throws SQLException {
        Array events = rs.getArray("events");
        return new Subscription(rs.getLong("id"), rs.getLong("account_id"), rs.getString("url"),
                Arrays.asList((String[]) events.getArray()), rs.getString("description"),
                rs.getBoolean("hangup_waits_for_media"), rs.getInt("media_wait_seconds"), rs.getString("status"),
                rs.getString("disabled_reason"), Timestamps.fromDb(rs, "disabled_at"), rs.getInt("consecutive_failures"),
                Timestamps.fromDb(rs, "failing_since"), Timestamps.fromDb(rs, "hold_until"),
                Timestamps.fromDb(rs, "previous_secret_until"), Timestamps.fromDb(rs, "created_at"),
                Timestamps.fromDb(rs, "updated_at"));
    }

    /** As {@code /api/v3/webhooks} answers it at {@code now} (a hold or an overlap that has ended is not shown). */
    WebhookSubscription view(Instant now) {
        return new WebhookSubscription(id, url, events, description, hangupWaitsForMedia, mediaWaitSeconds, status,
                disabledReason,
                Timestamps.wire(disabledAt), consecutiveFailures, Timestamps.wire(failingSince),
                holdUntil != null && holdUntil.isAfter(now) ? Timestamps.wire(holdUntil) : null,
                previousSecretUntil != null && previousSecretUntil.isAfter(now) ? Timestamps.wire(previousSecretUntil) : null,
                Timestamps.wire(createdAt), Timestamps.wire(updatedAt), null);
    }
}
