package io.callrecords.web;

import io.callrecords.webhooks.WebhookDelivery;
import java.time.ZoneId;
import java.util.List;

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

    static DeliveryRow of(WebhookDelivery d, ZoneId zone) {
        List<Attempt> attempts = d.attempts().stream()
                .map(a -> new Attempt(CallRow.local(a.attemptedAt(), zone), response(a.httpStatus(), a.error()),
                        a.latencyMs(), a.responseBody() == null ? "" : a.responseBody()))
                .toList();
        return new DeliveryRow(d.id(), d.webhookId(), d.event(), d.callUuid() == null ? "" : d.callUuid(), d.status(),
                d.attemptCount(), response(d.lastHttpStatus(), d.lastError()),
                attempts.isEmpty() ? "" : excerpt(attempts.getLast().body()),
                CallRow.local(d.nextAttemptAt(), zone), CallRow.local(d.createdAt(), zone),
                CallRow.local(d.completedAt(), zone), attempts);
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
    static String response(Integer httpStatus, String error) {
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
