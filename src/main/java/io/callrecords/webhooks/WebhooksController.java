package io.callrecords.webhooks;

import io.callrecords.accounts.Caller;
import io.callrecords.shared.Data;
import io.callrecords.shared.PathIds;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v3/webhooks}: the account's subscriptions. Creating, changing, rotating the secret
 * of and deleting one needs the {@code admin} scope (they decide where call data goes and who can
 * sign for it); pausing and resuming need {@code write}; reading needs {@code read}. The secret is
 * in the answers of create and rotate only; a key without {@code read} is answered only the id and status. What the
 * pages do too is done by {@link WebhookAdministration}. The answers to changes are a {@link SubscriptionAnswer}: the
 * document describes them by {@link WebhookSubscription}, whose required fields an {@link Acknowledgement} has too.
 */
@RestController
@RequestMapping("/api/v3/webhooks")
@Tag(name = WebhooksApiTypes.TAG, description = WebhooksApiTypes.TAG_DESCRIPTION)
class WebhooksController {

    private final WebhookAdministration administration;

    WebhooksController(WebhookAdministration administration) {
        this.administration = administration;
    }

    /** {@code {"url", "events": ["call_hangup", ...], "description"?}} → 201 with {@code secret}. */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createWebhook", summary = "Subscribe to call events")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = WebhooksApiTypes.SubscriptionRequest.class), examples = @ExampleObject(value = "{\"url\": \"https://crm.example.com/hooks/calls\", \"events\": [\"call_hangup\"], \"description\": \"CRM\"}")))
    @ApiResponse(responseCode = "201", description = "The subscription with its signing secret", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = WebhooksApiTypes.SubscriptionBody.class)))
    Data<SubscriptionAnswer> create(Caller caller, @RequestBody Map<String, Object> body) {
        return Data.of(administration.create(caller, body));
    }

    @GetMapping
    @Operation(operationId = "listWebhooks", summary = "List subscriptions")
    @ApiResponse(responseCode = "200", description = "The subscriptions", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = WebhooksApiTypes.SubscriptionsBody.class)))
    WebhooksApiTypes.SubscriptionsBody list(Caller caller) {
        return new WebhooksApiTypes.SubscriptionsBody(administration.list(caller));
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getWebhook", summary = "Get a subscription")
    @ApiResponse(responseCode = "200", description = "The subscription", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = WebhooksApiTypes.SubscriptionBody.class)))
    WebhooksApiTypes.SubscriptionBody get(Caller caller, @Parameter(example = "5") @PathVariable String id) {
        return new WebhooksApiTypes.SubscriptionBody(administration.get(caller, PathIds.parse(id)));
    }

    /** Any subset of {@code url}, {@code events}, {@code description} (null clears it). */
    @PatchMapping("/{id}")
    @Operation(operationId = "updateWebhook", summary = "Change a subscription")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = WebhooksApiTypes.SubscriptionRequest.class), examples = @ExampleObject(value = "{\"events\": [\"call_hangup\", \"call_updated\"], \"description\": null}")))
    @ApiResponse(responseCode = "200", description = "The subscription", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = WebhooksApiTypes.SubscriptionBody.class)))
    Data<SubscriptionAnswer> update(Caller caller, @Parameter(example = "5") @PathVariable String id, @RequestBody Map<String, Object> body) {
        return Data.of(administration.update(caller, PathIds.parse(id), body));
    }

    /** Deliveries keep being queued while paused and go out, in order, after {@code resume}. */
    @PostMapping("/{id}/pause")
    @Operation(operationId = "pauseWebhook", summary = "Pause a subscription")
    @ApiResponse(responseCode = "200", description = "The subscription, paused", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = WebhooksApiTypes.SubscriptionBody.class)))
    Data<SubscriptionAnswer> pause(Caller caller, @Parameter(example = "5") @PathVariable String id) {
        return Data.of(administration.pause(caller, PathIds.parse(id)));
    }

    /** Active again, also after being disabled; its health starts afresh. */
    @PostMapping("/{id}/resume")
    @Operation(operationId = "resumeWebhook", summary = "Resume a subscription")
    @ApiResponse(responseCode = "200", description = "The subscription, active", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = WebhooksApiTypes.SubscriptionBody.class)))
    Data<SubscriptionAnswer> resume(Caller caller, @Parameter(example = "5") @PathVariable String id) {
        return Data.of(administration.resume(caller, PathIds.parse(id)));
    }

    /** A new secret (in this answer only); the old one keeps signing beside it for the overlap (24 h). */
    @PostMapping("/{id}/rotate-secret")
    @Operation(operationId = "rotateWebhookSecret", summary = "Rotate the signing secret")
    @ApiResponse(responseCode = "200", description = "The subscription with its new secret", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = WebhooksApiTypes.SubscriptionBody.class)))
    Data<SubscriptionAnswer> rotate(Caller caller, @Parameter(example = "5") @PathVariable String id) {
        return Data.of(administration.rotateSecret(caller, PathIds.parse(id)));
    }

    /** Deletes the subscription with its delivery log; answers it as it was. */
    @DeleteMapping("/{id}")
    @Operation(operationId = "deleteWebhook", summary = "Delete a subscription")
    @ApiResponse(responseCode = "200", description = "The subscription as it was", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = WebhooksApiTypes.SubscriptionBody.class)))
    Data<SubscriptionAnswer> delete(Caller caller, @Parameter(example = "5") @PathVariable String id) {
        return Data.of(administration.delete(caller, PathIds.parse(id)));
    }
}
