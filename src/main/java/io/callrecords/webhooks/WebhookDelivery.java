package io.callrecords.webhooks;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * A delivery with its attempts as {@code /api/v3/webhooks/{id}/deliveries} answers it and the pages read it; the
 * OpenAPI document's schema is made from this record too. The components are the wire fields in their order (snake
 * case); times are wire strings, nulls are written.
 */
@Schema(name = "WebhookDelivery", description = "One delivery of an event to a subscription, with its attempts."
        + " A key without the read scope gets only id and status in the answer to resend and test.")
public record WebhookDelivery(
        @Schema(example = "981", requiredMode = Schema.RequiredMode.REQUIRED) long id,
        @Schema(example = "msg_2mB4Qf1x", description = "The webhook-id header: the same on every attempt")
        String webhookId,
        @Schema(example = "call_hangup") String event,
        @Schema(example = "caedfd1b-25ec-447e-ad87-3b7eb3d358ea", format = "uuid", nullable = true,
                description = "null for a test delivery") String callUuid,
        @Schema(example = "succeeded", allowableValues = {"pending", "succeeded", "failed"},
                requiredMode = Schema.RequiredMode.REQUIRED) String status,
        @Schema(example = "1") Integer attemptCount,
        @Schema(example = "null", nullable = true, format = "date-time") String nextAttemptAt,
        @Schema(example = "200", nullable = true) Integer lastHttpStatus,
        @Schema(example = "null", nullable = true) String lastError,
        @Schema(example = "2026-03-26T09:32:11Z", format = "date-time") String createdAt,
        @Schema(example = "2026-03-26T09:32:11Z", nullable = true, format = "date-time") String completedAt,
        List<Attempt> attempts) implements DeliveryAnswer {

    /** One attempt: when, what came back (status or error), how long it took, the first 2 KB of the answer. */
    @Schema(name = "WebhookAttempt")
    public record Attempt(
            @Schema(example = "2026-03-26T09:32:11Z", format = "date-time") String attemptedAt,
            @Schema(example = "200", nullable = true) Integer httpStatus,
            @Schema(example = "null", nullable = true, description = "timeout, connection refused, ...") String error,
            @Schema(example = "84") int latencyMs,
            @Schema(example = "ok", nullable = true, description = "The first 2 KB of the answer") String responseBody) {}
}
