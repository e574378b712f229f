package io.callrecords.webhooks;

import io.callrecords.shared.PathIds;
import io.callrecords.shared.OutboundGuard;
import io.callrecords.accounts.Caller;
import io.callrecords.accounts.Scope;
import io.callrecords.shared.ApiException;
import io.callrecords.shared.CallrecordsProperties;
import java.time.Clock;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
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
 * in the answers of create and rotate only.
 */
@RestController
@RequestMapping("/api/v3/webhooks")
class WebhooksController {

    private final Subscriptions subscriptions;
    private final OutboundGuard guard;
    private final CallrecordsProperties.Webhooks settings;
    private final WebhookDispatcher dispatcher;
    private final Clock clock;

    WebhooksController(Subscriptions subscriptions, OutboundGuard guard, CallrecordsProperties.Webhooks settings,
                       WebhookDispatcher dispatcher, Clock clock) {
        this.subscriptions = subscriptions;
        this.guard = guard;
        this.settings = settings;
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    /** {@code {"url", "events": ["call_hangup", ...], "description"?}} → 201 with {@code secret}. */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Transactional
    Map<String, Object> create(Caller caller, @RequestBody Map<String, Object> body) {
        caller.require(Scope.ADMIN);
        SubscriptionFields fields = SubscriptionFields.forCreate(body, guard);
        if (subscriptions.count(caller.accountId()) >= settings.maxSubscriptionsPerAccount()) {
            throw new ApiException(HttpStatus.CONFLICT, "An account can have at most "
                    + settings.maxSubscriptionsPerAccount() + " webhook subscriptions.");
        }
        WebhookSecret secret = WebhookSecret.generate();
        Subscription created = subscriptions.insert(caller.accountId(), fields.url(), fields.events(),
                fields.description(), secret);
        Map<String, Object> data = created.view(clock.instant());
        data.put("secret", secret.value());
        return Map.of("data", data);
    }

    @GetMapping
    Map<String, Object> list(Caller caller) {
        return Map.of("data", subscriptions.list(caller.accountId()).stream().map(s -> s.view(clock.instant())).toList());
    }

    @GetMapping("/{id}")
    Map<String, Object> get(Caller caller, @PathVariable String id) {
        return data(subscriptions.find(caller.accountId(), PathIds.parse(id)).orElseThrow(ApiException::notFound));
    }

    /** Any subset of {@code url}, {@code events}, {@code description} (null clears it). */
    @PatchMapping("/{id}")
    Map<String, Object> update(Caller caller, @PathVariable String id, @RequestBody Map<String, Object> body) {
        caller.require(Scope.ADMIN);
        SubscriptionFields fields = SubscriptionFields.forUpdate(body, guard);
        return data(subscriptions.update(caller.accountId(), PathIds.parse(id), fields.url(), fields.events(),
                fields.description(), fields.clearDescription()).orElseThrow(ApiException::notFound));
    }

    /** Deliveries keep being queued while paused and go out, in order, after {@code resume}. */
    @PostMapping("/{id}/pause")
    Map<String, Object> pause(Caller caller, @PathVariable String id) {
        return data(subscriptions.pause(caller.accountId(), PathIds.parse(id)).orElseThrow(ApiException::notFound));
    }

    /** Active again, also after being disabled; its health starts afresh. */
    @PostMapping("/{id}/resume")
    Map<String, Object> resume(Caller caller, @PathVariable String id) {
        Subscription resumed = subscriptions.resume(caller.accountId(), PathIds.parse(id)).orElseThrow(ApiException::notFound);
        dispatcher.wake();
        return data(resumed);
    }

    /** A new secret (in this answer only); the old one keeps signing beside it for the overlap (24 h). */
    @PostMapping("/{id}/rotate-secret")
    Map<String, Object> rotate(Caller caller, @PathVariable String id) {
        caller.require(Scope.ADMIN);
        WebhookSecret secret = WebhookSecret.generate();
        Subscription rotated = subscriptions.rotate(caller.accountId(), PathIds.parse(id), secret,
                clock.instant().plus(settings.rotationOverlap())).orElseThrow(ApiException::notFound);
        Map<String, Object> data = rotated.view(clock.instant());
        data.put("secret", secret.value());
        return Map.of("data", data);
    }

    /** Deletes the subscription with its delivery log; answers it as it was. */
    @DeleteMapping("/{id}")
    @Transactional
    Map<String, Object> delete(Caller caller, @PathVariable String id) {
        caller.require(Scope.ADMIN);
        return data(subscriptions.delete(caller.accountId(), PathIds.parse(id)).orElseThrow(ApiException::notFound));
    }

    private Map<String, Object> data(Subscription subscription) {
        return Map.of("data", subscription.view(clock.instant()));
    }
}
