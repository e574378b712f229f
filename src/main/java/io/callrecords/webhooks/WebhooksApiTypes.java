package io.callrecords.webhooks;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * The bodies of the webhook endpoints: the answers' envelopes, which the controllers return and the OpenAPI document
 * is made from (their content, {@link WebhookSubscription} and {@link WebhookDelivery}, the pages read too), and the
 * request bodies, which document what {@link WebhookAdministration} reads as maps so that every bad field is named
 * in one 422.
 */
final class WebhooksApiTypes {

    static final String TAG = "Webhooks";
    static final String TAG_DESCRIPTION = "Subscriptions to call events, signed deliveries (Standard Webhooks) and"
            + " their log";

    private WebhooksApiTypes() {}

    @Schema(name = "WebhookRequest", description = "A new subscription, or a change (any subset; description null"
            + " clears it)")
    record SubscriptionRequest(
            @Schema(example = "https://crm.example.com/hooks/calls", format = "uri",
                    description = "https; private and loopback addresses only if allowed by the operator") String url,
            @ArraySchema(schema = @Schema(allowableValues = {"call_init", "call_bridged", "call_hangup", "call_updated"}),
                    arraySchema = @Schema(example = "[\"call_hangup\"]")) List<String> events,
            @Schema(example = "CRM", nullable = true) String description,
            @Schema(example = "true", description = "Hold call_hangup until the call's recording or voicemail has"
                    + " arrived (default false); a call no one answered is sent at once") Boolean hangupWaitsForMedia,
            @Schema(example = "60", minimum = "1", maximum = "3600", description = "The longest hold, in seconds after"
                    + " the hang-up (default 60); then call_hangup is sent as it is") Integer mediaWaitSeconds) {}

    @Schema(name = "WebhookTestRequest")
    record TestRequest(@Schema(example = "call_hangup", allowableValues = {"call_init", "call_bridged", "call_hangup",
            "call_updated"}, description = "Default call_hangup") String event) {}

    record Requeued(@Schema(example = "12", description = "Failed deliveries queued again") int requeued) {}

    record Meta(@Schema(example = "42") long count, @Schema(example = "0") int offset, @Schema(example = "10") int limit) {}

    record SubscriptionBody(WebhookSubscription data) {}

    record SubscriptionsBody(List<WebhookSubscription> data) {}

    record DeliveryBody(WebhookDelivery data) {}

    record DeliveriesBody(List<WebhookDelivery> data, Meta meta) {}

    record RequeuedBody(Requeued data) {}
}
