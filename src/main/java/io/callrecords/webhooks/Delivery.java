package io.callrecords.webhooks;

import io.callrecords.shared.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A delivery in the log, with its attempts. */
record Delivery(long id, String webhookId, String event, UUID callUuid, String status, int attemptCount,
                Instant nextAttemptAt, Integer lastHttpStatus, String lastError, Instant createdAt, Instant completedAt,
                List<Attempt> attempts) {

    /** One attempt: when, what came back (status or error), how long it took, the first 2 KB of the answer. */
    record Attempt(Instant at, Integer httpStatus, String error, int latencyMs, String responseBody) {
        Map<String, Object> view() {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("attempted_at", Timestamps.wire(at));
            out.put("http_status", httpStatus);
            out.put("error", error);
            out.put("latency_ms", latencyMs);
            out.put("response_body", responseBody);
            return out;
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

    Map<String, Object> view() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", id);
        out.put("webhook_id", webhookId);
        out.put("event", event);
        out.put("call_uuid", callUuid == null ? null : callUuid.toString());
        out.put("status", status);
        out.put("attempt_count", attemptCount);
        out.put("next_attempt_at", "pending".equals(status) ? Timestamps.wire(nextAttemptAt) : null);
        out.put("last_http_status", lastHttpStatus);
        out.put("last_error", lastError);
        out.put("created_at", Timestamps.wire(createdAt));
        out.put("completed_at", Timestamps.wire(completedAt));
        out.put("attempts", attempts.stream().map(Attempt::view).toList());
        return out;
    }
}
