package io.callrecords.web;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * A webhook delivery as one line of the log: what was sent, how it went (the last answer's status code or the error,
 * the start of its body), when it is tried next, in the account's zone; with every attempt for its own page.
 */
public record DeliveryRow(long id, String webhookId, String event, String callUuid, String status, int attemptCount,
                          String lastResponse, String lastBody, String nextAttempt, String created, String completed,
                          List<Attempt> attempts) {

    /** How much of an answer's body a line of the log shows. */
    static final int EXCERPT = 80;

    /** One attempt: when, what came back, how long it took, the body as stored (its first 2 KB). */
    public record Attempt(String at, String response, int latencyMs, String body) {}

    @SuppressWarnings("unchecked")
    static DeliveryRow of(Map<String, Object> d, ZoneId zone) {
        List<Attempt> attempts = ((List<Map<String, Object>>) d.get("attempts")).stream()
                .map(a -> new Attempt(CallRow.local((String) a.get("attempted_at"), zone),
                        response(a.get("http_status"), (String) a.get("error")),
                        ((Number) a.get("latency_ms")).intValue(),
                        a.get("response_body") == null ? "" : (String) a.get("response_body")))
                .toList();
        return new DeliveryRow(((Number) d.get("id")).longValue(), (String) d.get("webhook_id"), (String) d.get("event"),
                d.get("call_uuid") == null ? "" : (String) d.get("call_uuid"), (String) d.get("status"),
                ((Number) d.get("attempt_count")).intValue(),
                response(d.get("last_http_status"), (String) d.get("last_error")),
                attempts.isEmpty() ? "" : excerpt(attempts.getLast().body()),
                CallRow.local((String) d.get("next_attempt_at"), zone), CallRow.local((String) d.get("created_at"), zone),
                CallRow.local((String) d.get("completed_at"), zone), attempts);
    }

    public String statusWords() {
        return switch (status) {
            case "pending" -> attemptCount == 0 ? "Waiting to be sent" : "Retrying";
            case "succeeded" -> "Delivered";
            case "failed" -> "Failed";
            default -> status;
        };
    }

    /** "HTTP 200", the error when nothing came back, empty before the first attempt. */
    static String response(Object httpStatus, String error) {
        if (httpStatus != null) {
            return "HTTP " + httpStatus;
        }
        return error == null ? "" : error;
    }

    /** The start of a body on one line. */
    static String excerpt(String body) {
        String line = body.replaceAll("\\s+", " ").strip();
        return line.length() <= EXCERPT ? line : line.substring(0, EXCERPT) + "…";
    }
}
