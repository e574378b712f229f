package io.callrecords.webhooks;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * The bodies of the webhook endpoints as the OpenAPI document describes them. {@link WebhookAdministration} renders
 * the answers (the pages read the same renderings), and reads request bodies as maps so that every bad field is
 * named in one 422; these records give those shapes their names.
 */
final class WebhooksApiTypes {

    static final String TAG = "Webhooks";
    static final String TAG_DESCRIPTION = "Subscriptions to call events, signed deliveries (Standard Webhooks) and"
            + " their log";

    private WebhooksApiTypes() {}

    @Schema(name = "WebhookSubscription", description = "A subscription. A key without the read scope gets only id,"
            + " status (and a secret just made) in the answers to its changes.")
    record Subscription(
            @Schema(example = "5", requiredMode = Schema.RequiredMode.REQUIRED) long id,
            @Schema(example = "https://crm.example.com/hooks/calls", format = "uri") String url,
            @ArraySchema(schema = @Schema(allowableValues = {"call_init", "call_bridged", "call_hangup", "call_updated"}),
                    arraySchema = @Schema(example = "[\"call_hangup\", \"call_updated\"]")) List<String> events,
            @Schema(example = "CRM", nullable = true) String description,
            @Schema(example = "active", allowableValues = {"active", "paused", "disabled"},
                    requiredMode = Schema.RequiredMode.REQUIRED) String status,
            @Schema(example = "null", nullable = true, description = "Why it was disabled (failing too long)")
            String disabledReason,
            @Schema(example = "null", nullable = true, format = "date-time") String disabledAt,
            @Schema(example = "0") Integer consecutiveFailures,
            @Schema(example = "null", nullable = true, format = "date-time") String failingSince,
            @Schema(example = "null", nullable = true, format = "date-time",
                    description = "Deliveries wait until then after failures (circuit breaker)") String heldUntil,
            @Schema(example = "null", nullable = true, format = "date-time",
                    description = "Until then the previous secret signs too") String previousSecretExpiresAt,
            @Schema(example = "2026-03-26T09:31:32Z", format = "date-time") String createdAt,
            @Schema(example = "2026-03-26T09:31:32Z", format = "date-time") String updatedAt,
            @Schema(example = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", description = "Only in the answers to create and"
                    + " rotate-secret: the signing secret, never shown again") String secret) {}

    @Schema(name = "WebhookRequest", description = "A new subscription, or a change (any subset; description null"
            + " clears it)")
    record SubscriptionRequest(
            @Schema(example = "https://crm.example.com/hooks/calls", format = "uri",
                    description = "https; private and loopback addresses only if allowed by the operator") String url,
            @ArraySchema(schema = @Schema(allowableValues = {"call_init", "call_bridged", "call_hangup", "call_updated"}),
                    arraySchema = @Schema(example = "[\"call_hangup\"]")) List<String> events,
            @Schema(example = "CRM", nullable = true) String description) {}

    @Schema(name = "WebhookDelivery", description = "One delivery of an event to a subscription, with its attempts."
            + " A key without the read scope gets only id and status in the answer to resend and test.")
    record Delivery(
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
            List<Attempt> attempts) {}

    @Schema(name = "WebhookAttempt")
    record Attempt(
            @Schema(example = "2026-03-26T09:32:11Z", format = "date-time") String attemptedAt,
            @Schema(example = "200", nullable = true) Integer httpStatus,
            @Schema(example = "null", nullable = true, description = "timeout, connection refused, ...") String error,
            @Schema(example = "84") int latencyMs,
            @Schema(example = "ok", nullable = true, description = "The first 2 KB of the answer") String responseBody) {}

    @Schema(name = "WebhookTestRequest")
    record TestRequest(@Schema(example = "call_hangup", allowableValues = {"call_init", "call_bridged", "call_hangup",
            "call_updated"}, description = "Default call_hangup") String event) {}

    record Requeued(@Schema(example = "12", description = "Failed deliveries queued again") int requeued) {}

    record Meta(@Schema(example = "42") long count, @Schema(example = "0") int offset, @Schema(example = "10") int limit) {}

    record SubscriptionBody(Subscription data) {}

    record SubscriptionsBody(List<Subscription> data) {}

    record DeliveryBody(Delivery data) {}

    record DeliveriesBody(List<Delivery> data, Meta meta) {}

    record RequeuedBody(Requeued data) {}
}
