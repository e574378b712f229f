package io.callrecords.webhooks;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The answer to a change for a key without the read scope: which subscription or delivery was acted on and its
 * status, and a secret just made (shown to whoever made it), nothing reading would show. On the wire
 * {@code {"id", "status", "secret"?}}: the fields that a {@link WebhookSubscription} or {@link WebhookDelivery}
 * always has, so the OpenAPI document describes it by those.
 */
public record Acknowledgement(long id, String status, @JsonInclude(JsonInclude.Include.NON_NULL) String secret)
        implements SubscriptionAnswer, DeliveryAnswer {}
