package io.callrecords.webhooks;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * A subscription as {@code /api/v3/webhooks} answers it and the pages read it; the OpenAPI document's schema is made
 * from this record too. The components are the wire fields in their order (snake case); times are wire strings
 * ({@code 2026-03-26T09:31:32Z}), every field but {@code secret} is written when null.
 */
@Schema(name = "WebhookSubscription", description = "A subscription. A key without the read scope gets only id,"
        + " status (and a secret just made) in the answers to its changes.")
public record WebhookSubscription(
        @Schema(example = "5", requiredMode = Schema.RequiredMode.REQUIRED) long id,
        @Schema(example = "https://crm.example.com/hooks/calls", format = "uri") String url,
        @ArraySchema(schema = @Schema(allowableValues = {"call_init", "call_bridged", "call_hangup", "call_updated"}),
                arraySchema = @Schema(example = "[\"call_hangup\", \"call_updated\"]")) List<String> events,
        @Schema(example = "CRM", nullable = true) String description,
        @Schema(example = "false", description = "call_hangup waits until the call's recording or voicemail has"
                + " arrived, so that it carries record_url / voicemail_url (a call no one answered is sent at once);"
                + " at most media_wait_seconds after the hang-up, then it is sent as it is") Boolean hangupWaitsForMedia,
        @Schema(example = "60", minimum = "1", maximum = "3600", description = "The longest wait of"
                + " hangup_waits_for_media, in seconds") Integer mediaWaitSeconds,
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
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(example = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", description = "Only in the answers to create and"
                + " rotate-secret: the signing secret, never shown again") String secret)
        implements SubscriptionAnswer {

    /** The same subscription with the signing secret just made, for the one answer that shows it. */
    WebhookSubscription withSecret(String secret) {
        return new WebhookSubscription(id, url, events, description, hangupWaitsForMedia, mediaWaitSeconds, status,
                disabledReason, disabledAt,
                consecutiveFailures, failingSince, heldUntil, previousSecretExpiresAt, createdAt, updatedAt, secret);
    }
}
