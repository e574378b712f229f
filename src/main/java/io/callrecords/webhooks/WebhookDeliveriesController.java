package io.callrecords.webhooks;

import io.callrecords.shared.PathIds;
import io.callrecords.accounts.Caller;
import io.callrecords.shared.ApiException;
import io.callrecords.shared.Data;
import io.callrecords.shared.QueryParameters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A subscription's delivery log and what can be done with it: list and read deliveries with every
 * attempt ({@code read}), send one again, re-queue all failed ones since a time, send a test event ({@code write}
 * only; a key without {@code read} is answered the delivery's id and status, not its record or attempts).
 */
@RestController
@RequestMapping("/api/v3/webhooks/{id}")
@Tag(name = WebhooksApiTypes.TAG, description = WebhooksApiTypes.TAG_DESCRIPTION)
class WebhookDeliveriesController {

    private static final Set<String> STATUSES = Set.of("pending", "succeeded", "failed");

    private final Subscriptions subscriptions;
    private final WebhookAdministration administration;

    WebhookDeliveriesController(Subscriptions subscriptions, WebhookAdministration administration) {
        this.subscriptions = subscriptions;
        this.administration = administration;
    }

    /** {@code ?limit=1..100 (10)&offset=0&status=pending|succeeded|failed}, newest first. */
    @GetMapping("/deliveries")
    @Operation(operationId = "listWebhookDeliveries", summary = "List a subscription's deliveries")
    @Parameter(name = "limit", in = ParameterIn.QUERY, description = "Deliveries per page, 1 to 100",
            schema = @Schema(type = "integer", minimum = "1", maximum = "100", defaultValue = "10"))
    @Parameter(name = "offset", in = ParameterIn.QUERY, description = "Deliveries to skip",
            schema = @Schema(type = "integer", minimum = "0", defaultValue = "0"))
    @Parameter(name = "status", in = ParameterIn.QUERY, description = "Only deliveries of this status",
            schema = @Schema(type = "string", allowableValues = {"pending", "succeeded", "failed"}))
    @ApiResponse(responseCode = "200", description = "One page of deliveries, newest first", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = WebhooksApiTypes.DeliveriesBody.class)))
    WebhooksApiTypes.DeliveriesBody list(Caller caller, @Parameter(example = "5") @PathVariable String id, @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> query) {
        long subscription = subscription(caller, id); // an unknown subscription is a 404 before any parameter error
        QueryParameters parameters = new QueryParameters(query);
        int limit = (int) parameters.whole("limit", 10, 1, 100);
        int offset = (int) parameters.whole("offset", 0, 0, Integer.MAX_VALUE);
        String status = parameters.single("status");
        if (status != null && !STATUSES.contains(status)) {
            parameters.error("status", "must be one of pending, succeeded, failed");
        }
        parameters.finish();
        WebhookAdministration.Deliveries page = administration.deliveries(caller, subscription, status, limit, offset);
        return new WebhooksApiTypes.DeliveriesBody(page.deliveries(),
                new WebhooksApiTypes.Meta(page.total(), offset, limit));
    }

    @GetMapping("/deliveries/{deliveryId}")
    @Operation(operationId = "getWebhookDelivery", summary = "Get a delivery with its attempts")
    @ApiResponse(responseCode = "200", description = "The delivery", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = WebhooksApiTypes.DeliveryBody.class)))
    WebhooksApiTypes.DeliveryBody get(Caller caller, @Parameter(example = "5") @PathVariable String id, @Parameter(example = "981") @PathVariable String deliveryId) {
        return new WebhooksApiTypes.DeliveryBody(administration.delivery(caller, PathIds.parse(id), PathIds.parse(deliveryId)));
    }

    @PostMapping("/deliveries/{deliveryId}/resend")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(operationId = "resendWebhookDelivery", summary = "Send a delivery again")
    @ApiResponse(responseCode = "202", description = "The delivery, queued (same webhook-id)", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = WebhooksApiTypes.DeliveryBody.class)))
    Data<DeliveryAnswer> resend(Caller caller, @Parameter(example = "5") @PathVariable String id, @Parameter(example = "981") @PathVariable String deliveryId) {
        return Data.of(administration.resend(caller, PathIds.parse(id), PathIds.parse(deliveryId)));
    }

    /** {@code ?since=2026-03-26T00:00:00Z}: every failed delivery created since then is queued again. */
    @PostMapping("/recover")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(operationId = "recoverWebhookDeliveries", summary = "Queue failed deliveries again")
    @ApiResponse(responseCode = "202", description = "How many were queued", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = WebhooksApiTypes.RequeuedBody.class)))
    WebhooksApiTypes.RequeuedBody recover(Caller caller, @Parameter(example = "5") @PathVariable String id, @Parameter(description = "Failed deliveries created at or after this ISO-8601 date-time with offset", example = "2026-03-26T00:00:00Z")
                                       @RequestParam(required = false) String since) {
        return new WebhooksApiTypes.RequeuedBody(new WebhooksApiTypes.Requeued(
                administration.recover(caller, PathIds.parse(id), since)));
    }

    /** Optional body {@code {"event": "call_hangup"}} (the default): a signed sample, sent and logged like any delivery. */
    @PostMapping("/test")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(operationId = "testWebhook", summary = "Send a signed sample")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = false, content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = WebhooksApiTypes.TestRequest.class), examples = @ExampleObject(value = "{\"event\": \"call_hangup\"}")))
    @ApiResponse(responseCode = "202", description = "The test delivery, queued", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = WebhooksApiTypes.DeliveryBody.class)))
    Data<DeliveryAnswer> test(Caller caller, @Parameter(example = "5") @PathVariable String id,
                             @RequestBody(required = false) Map<String, Object> body) {
        Object event = body == null ? null : body.get("event");
        return Data.of(administration.sendTest(caller, PathIds.parse(id), event == null ? null : event.toString()));
    }

    private long subscription(Caller caller, String id) {
        return subscriptions.find(caller.accountId(), PathIds.parse(id)).orElseThrow(ApiException::notFound).id();
    }
}
