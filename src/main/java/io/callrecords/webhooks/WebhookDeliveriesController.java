package io.callrecords.webhooks;

import io.callrecords.shared.PathIds;
import io.callrecords.accounts.Caller;
import io.callrecords.shared.ApiException;
import io.callrecords.shared.QueryParameters;
import java.util.LinkedHashMap;
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
    Map<String, Object> list(Caller caller, @PathVariable String id, @RequestParam MultiValueMap<String, String> query) {
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
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("count", page.total());
        meta.put("offset", offset);
        meta.put("limit", limit);
        return Map.of("data", page.deliveries(), "meta", meta);
    }

    @GetMapping("/deliveries/{deliveryId}")
    Map<String, Object> get(Caller caller, @PathVariable String id, @PathVariable String deliveryId) {
        return Map.of("data", administration.delivery(caller, PathIds.parse(id), PathIds.parse(deliveryId)));
    }

    @PostMapping("/deliveries/{deliveryId}/resend")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Map<String, Object> resend(Caller caller, @PathVariable String id, @PathVariable String deliveryId) {
        return Map.of("data", administration.resend(caller, PathIds.parse(id), PathIds.parse(deliveryId)));
    }

    /** {@code ?since=2026-03-26T00:00:00Z}: every failed delivery created since then is queued again. */
    @PostMapping("/recover")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Map<String, Object> recover(Caller caller, @PathVariable String id, @RequestParam(required = false) String since) {
        return Map.of("data", Map.of("requeued", administration.recover(caller, PathIds.parse(id), since)));
    }

    /** Optional body {@code {"event": "call_hangup"}} (the default): a signed sample, sent and logged like any delivery. */
    @PostMapping("/test")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Map<String, Object> test(Caller caller, @PathVariable String id,
                             @RequestBody(required = false) Map<String, Object> body) {
        Object event = body == null ? null : body.get("event");
        return Map.of("data", administration.sendTest(caller, PathIds.parse(id), event == null ? null : event.toString()));
    }

    private long subscription(Caller caller, String id) {
        return subscriptions.find(caller.accountId(), PathIds.parse(id)).orElseThrow(ApiException::notFound).id();
    }
}
