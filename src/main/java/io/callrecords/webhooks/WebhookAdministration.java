package io.callrecords.webhooks;

import io.callrecords.accounts.Caller;
import io.callrecords.accounts.Scope;
import io.callrecords.shared.ApiException;
import io.callrecords.shared.CallrecordsProperties;
import io.callrecords.shared.OutboundGuard;
import io.callrecords.shared.Times;
import io.callrecords.shared.ValidationException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Managing an account's subscriptions and their delivery logs, for the API's controllers and the pages alike, so that
 * a rule (the scope an action needs, the fields' validation, the limit of subscriptions, the secret shown once) lives
 * in one place. Answers are the wire shapes of {@code /api/v3/webhooks} ({@link WebhookSubscription},
 * {@link WebhookDelivery}; for a change, a {@link SubscriptionAnswer} or {@link DeliveryAnswer}). The scopes are those
 * the API asks for: {@code read} to read, {@code write} to pause, resume, resend, recover and send a test event,
 * {@code write} and {@code admin} to create, change, rotate and delete (the API's filter asks {@code write} of every
 * change, the controllers {@code admin} of those); no change needs {@code read}, so the answer to a key without it says
 * only which subscription or delivery was acted on and its status (and a new secret), nothing reading would show.
 * Another account's subscription is not found (404), before any field is checked.
 */
@Service
public class WebhookAdministration {

    /** A page of a subscription's deliveries, newest first, each with its attempts, and how many there are. */
    public record Deliveries(List<WebhookDelivery> deliveries, int total) {}

    private final Subscriptions subscriptions;
    private final DeliveryLog log;
    private final OutboundGuard guard;
    private final CallrecordsProperties.Webhooks settings;
    private final WebhookDispatcher dispatcher;
    private final JsonMapper json;
    private final Clock clock;

    WebhookAdministration(Subscriptions subscriptions, DeliveryLog log, OutboundGuard guard,
                          CallrecordsProperties.Webhooks settings, WebhookDispatcher dispatcher, JsonMapper json,
                          Clock clock) {
        this.subscriptions = subscriptions;
        this.log = log;
        this.guard = guard;
        this.settings = settings;
        this.dispatcher = dispatcher;
        this.json = json;
        this.clock = clock;
    }

    /** The events a subscription can pick, by their wire names. */
    public List<String> eventTypes() {
        return WebhookEvent.WIRE_NAMES;
    }

    public List<WebhookSubscription> list(Caller caller) {
        require(caller, Scope.READ);
        return subscriptions.list(caller.accountId()).stream().map(s -> s.view(clock.instant())).toList();
    }

    /** One subscription; 404 for none of the account's. */
    public WebhookSubscription get(Caller caller, long id) {
        require(caller, Scope.READ);
        return subscriptions.find(caller.accountId(), id).orElseThrow(ApiException::notFound).view(clock.instant());
    }

    /**
     * {@code {"url", "events": [...], "description"?, "hangup_waits_for_media"?, "media_wait_seconds"?}} checked as {@link SubscriptionFields} checks it (nothing is
     * saved when a field is wrong); the answer carries the signing {@code secret}, which is never shown again.
     */
    @Transactional
    public SubscriptionAnswer create(Caller caller, Map<String, Object> body) {
        requireAdmin(caller);
        SubscriptionFields fields = SubscriptionFields.forCreate(body, guard);
        if (subscriptions.count(caller.accountId()) >= settings.maxSubscriptionsPerAccount()) {
            throw new ApiException(HttpStatus.CONFLICT, "An account can have at most "
                    + settings.maxSubscriptionsPerAccount() + " webhook subscriptions.");
        }
        WebhookSecret secret = WebhookSecret.generate();
        Subscription created = subscriptions.insert(caller.accountId(), fields, secret);
        return shown(caller, created.view(clock.instant()).withSecret(secret.value()));
    }

    /**
     * Any subset of {@code url}, {@code events}, {@code description} (null clears it), {@code hangup_waits_for_media},
     * {@code media_wait_seconds}, checked as
     * {@link SubscriptionFields} checks them; nothing is changed when a field is wrong. The secret stays as it is.
     */
    public SubscriptionAnswer update(Caller caller, long id, Map<String, Object> body) {
        requireAdmin(caller);
        subscription(caller, id);
        SubscriptionFields fields = SubscriptionFields.forUpdate(body, guard);
        return shown(caller, subscriptions.update(caller.accountId(), id, fields)
                .orElseThrow(ApiException::notFound).view(clock.instant()));
    }

    /** Deliveries keep being queued while paused and go out, in order, after {@link #resume}. */
    public SubscriptionAnswer pause(Caller caller, long id) {
        require(caller, Scope.WRITE);
        return shown(caller, subscriptions.pause(caller.accountId(), id).orElseThrow(ApiException::notFound)
                .view(clock.instant()));
    }

    /** Active again, also after being disabled; its health starts afresh. */
    public SubscriptionAnswer resume(Caller caller, long id) {
        require(caller, Scope.WRITE);
        Subscription resumed = subscriptions.resume(caller.accountId(), id).orElseThrow(ApiException::notFound);
        dispatcher.wake();
        return shown(caller, resumed.view(clock.instant()));
    }

    /** A new secret (in this answer only); the old one keeps signing beside it for the overlap. */
    public SubscriptionAnswer rotateSecret(Caller caller, long id) {
        requireAdmin(caller);
        WebhookSecret secret = WebhookSecret.generate();
        Subscription rotated = subscriptions.rotate(caller.accountId(), id, secret,
                clock.instant().plus(settings.rotationOverlap())).orElseThrow(ApiException::notFound);
        return shown(caller, rotated.view(clock.instant()).withSecret(secret.value()));
    }

    /** Deletes the subscription with its delivery log; answers it as it was. */
    @Transactional
    public SubscriptionAnswer delete(Caller caller, long id) {
        requireAdmin(caller);
        return shown(caller, subscriptions.delete(caller.accountId(), id).orElseThrow(ApiException::notFound)
                .view(clock.instant()));
    }

    /** A subscription's deliveries, newest first; {@code status} null for any. */
    public Deliveries deliveries(Caller caller, long subscriptionId, String status, int limit, int offset) {
        require(caller, Scope.READ);
        long subscription = subscription(caller, subscriptionId);
        return new Deliveries(log.list(subscription, status, limit, offset).stream().map(Delivery::view).toList(),
                log.count(subscription, status));
    }

    /** One delivery with every attempt; 404 for none of the subscription's. */
    public WebhookDelivery delivery(Caller caller, long subscriptionId, long deliveryId) {
        require(caller, Scope.READ);
        long subscription = subscription(caller, subscriptionId);
        return log.find(subscription, deliveryId).orElseThrow(ApiException::notFound).view();
    }

    /** Sends a delivery again with the same webhook-id (see {@link DeliveryLog#resend}); answers it as queued. */
    public DeliveryAnswer resend(Caller caller, long subscriptionId, long deliveryId) {
        require(caller, Scope.WRITE);
        long subscription = subscription(caller, subscriptionId);
        if (!log.resend(subscription, deliveryId)) {
            throw ApiException.notFound();
        }
        return shown(caller, log.find(subscription, deliveryId).orElseThrow(ApiException::notFound).view());
    }

    /**
     * Every failed delivery created at or after {@code since} (an ISO-8601 date-time with offset) is queued again,
     * each call's in their order; answers how many.
     */
    public int recover(Caller caller, long subscriptionId, String since) {
        require(caller, Scope.WRITE);
        long subscription = subscription(caller, subscriptionId);
        return log.recover(subscription, instant("since", since));
    }

    /**
     * Queues a signed sample record as the event {@code event} (null: {@code call_hangup}), sent and logged like any
     * delivery but of no call; answers the delivery as queued.
     */
    public DeliveryAnswer sendTest(Caller caller, long subscriptionId, String event) {
        require(caller, Scope.WRITE);
        long subscription = subscription(caller, subscriptionId);
        String name = event == null ? WebhookEvent.CALL_HANGUP.wire() : event;
        if (WebhookEvent.fromWire(name).isEmpty()) {
            throw ValidationException.of("event", "must be one of " + String.join(", ", WebhookEvent.WIRE_NAMES));
        }
        long delivery = log.queueTest(caller.accountId(), subscription, name, json.writeValueAsString(SampleRecord.data()));
        return shown(caller, log.find(subscription, delivery).orElseThrow().view());
    }

    private static Instant instant(String field, String dateTime) {
        if (dateTime == null || dateTime.isBlank()) {
            throw ValidationException.of(field, "is required");
        }
        try {
            return Times.parseWithOffset(dateTime);
        } catch (DateTimeException e) {
            throw ValidationException.of(field, "must be an ISO-8601 date-time with offset " + Times.YEARS + " (2026-03-26T00:00:00Z)");
        }
    }

    /** The id of the account's subscription {@code id}; 404 for none. Needs no scope: the caller's action asks its own. */
    private long subscription(Caller caller, long id) {
        return subscriptions.find(caller.accountId(), id).orElseThrow(ApiException::notFound).id();
    }

    /**
     * The answer to a change: everything for a key that may read, else only the id and status of what was changed
     * (and a secret just made, which is shown to whoever made it): the URL, the health or a delivery's record and
     * attempts are for {@code read}.
     */
    private static SubscriptionAnswer shown(Caller caller, WebhookSubscription subscription) {
        return mayRead(caller) ? subscription
                : new Acknowledgement(subscription.id(), subscription.status(), subscription.secret());
    }

    /** The answer to sending a delivery (again), as {@link #shown(Caller, WebhookSubscription)}: no secret in it. */
    private static DeliveryAnswer shown(Caller caller, WebhookDelivery delivery) {
        return mayRead(caller) ? delivery : new Acknowledgement(delivery.id(), delivery.status(), null);
    }

    private static boolean mayRead(Caller caller) {
        return caller.scopes().contains(Scope.READ);
    }

    /**
     * The scope the action needs and, for a person, the admin role: webhooks are the administrator's (directory.md),
     * and their deliveries carry the records of any call, which a supervisor's key must not read here either
     * (ADR 0022). A key of the account keeps needing its scope only.
     */
    private static void require(Caller caller, Scope scope) {
        caller.require(scope);
        if (caller.userId() != null) {
            caller.require(Scope.ADMIN);
        }
    }

    private static void requireAdmin(Caller caller) {
        require(caller, Scope.WRITE);
        caller.require(Scope.ADMIN);
    }
}
