package io.callrecords.webhooks;

import io.callrecords.shared.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A delivery in the log, with its attempts. */
record Delivery(long id, String webhookId, String event, UUID callUuid, String status, int attemptCount,
                Instant nextAttemptAt, Integer lastHttpStatus, String lastError, Instant createdAt, Instant completedAt,
                List<Attempt> attempts) {

    /** One attempt: when, what came back (status or error), how long it took, the first 2 KB of the answer. */
    record Attempt(Instant at, Integer httpStatus, String error, int latencyMs, String responseBody) {
        WebhookDelivery.Attempt view() {
            return new WebhookDelivery.Attempt(Timestamps.wire(at), httpStatus, error, latencyMs, responseBody);
        }
    }

    static final String COLUMNS = """
            id, webhook_id, event, call_uuid, status, attempts, next_attempt_at, last_http_status, last_error,
            created_at, completed_at""";

    static Delivery read(ResultSet rs, int row) throws SQLException {
        return new Delivery(rs.getLong("id"), rs.getString("webhook_id"), rs.getString("event"),
                rs.getObject("call_uuid", UUID.class), rs.getString("status"), rs.getInt("attempts"),
                Timestamps.fromDb(rs, "next_attempt_at"), rs.getObject("last_http_status", Integer.class),
                rs.getString("last_error"), Timestamps.fromDb(rs, "created_at"), Timestamps.fromDb(rs, "completed_at"),
                List.of());
    }

    Delivery withAttempts(List<Attempt> attempts) {
        return new Delivery(id, webhookId, event, callUuid, status, attemptCount, nextAttemptAt, lastHttpStatus,
                lastError, createdAt, completedAt, attempts);
    }

    /** As the delivery log answers it: the next attempt's time only while it is pending. */
    WebhookDelivery view() {
        return new WebhookDelivery(id, webhookId, event, callUuid == null ? null : callUuid.toString(), status,
                attemptCount, "pending".equals(status) ? Timestamps.wire(nextAttemptAt) : null, lastHttpStatus,
                lastError, Timestamps.wire(createdAt), Timestamps.wire(completedAt),
                attempts.stream().map(Attempt::view).toList());
    }
}
