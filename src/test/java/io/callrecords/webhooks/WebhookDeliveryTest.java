package io.callrecords.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.standardwebhooks.Webhook;
import io.callrecords.support.Api;
import io.callrecords.support.FakeResolver;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/** Deliveries end to end: real intake, real dispatcher, real HTTP receivers on loopback. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebhookDeliveryTest extends WebhookTestSupport {

    private final List<WebhookReceiver> receivers = new ArrayList<>();
    private String key;
    private Instant clock = Instant.parse("2026-03-26T09:00:00Z");

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @BeforeAll
    void account() {
        key = newAccount("deliveries");
    }

    @BeforeEach
    void noSubscriptionsLeft() {
        for (JsonNode s : api.get("/api/v3/webhooks", key).data()) {
            api.delete("/api/v3/webhooks/" + s.path("id").asLong(), key);
        }
    }

    @AfterEach
    void stopReceivers() {
        receivers.forEach(WebhookReceiver::close);
        receivers.clear();
    }

    private WebhookReceiver receiver() {
        WebhookReceiver r = WebhookReceiver.start();
        receivers.add(r);
        return r;
    }

    private UUID postAnsweredCall() {
        UUID call = UUID.randomUUID();
        clock = clock.plusSeconds(600);
        Api.Response accepted = api.post("/api/v3/call-events", key, CallEvents.answeredCall(call, clock));
        assertThat(accepted.status()).as(accepted.raw().body()).isEqualTo(202);
        return call;
    }

    private JsonNode deliveries(long subscription, String query) {
        return api.get("/api/v3/webhooks/" + subscription + "/deliveries?limit=100" + query, key).data();
    }

    @Test
    void eachEventArrivesSignedInTheHipcallEnvelopeWithTheRecordTheApiServes() throws Exception {
        WebhookReceiver receiver = receiver();
        JsonNode sub = subscribe(key, receiver.url("/hooks?tenant=7"), ALL_EVENTS);
        String secret = sub.path("secret").asString();
        UUID call = postAnsweredCall();
        await(Duration.ofSeconds(10), "three events", () -> receiver.ids().size() == 3);

        List<WebhookReceiver.Received> got = List.copyOf(receiver.unique().values());
        assertThat(got).extracting(r -> Api.JSON.readTree(r.body()).path("event").asString())
                .containsExactly("call_init", "call_bridged", "call_hangup");
        JsonNode record = api.get("/api/v3/calls/" + call, key).data();
        JsonNode hangup = Api.JSON.readTree(got.get(2).body());
        assertThat(hangup.propertyNames()).containsExactly("event", "data");
        assertThat(hangup.path("data")).isEqualTo(record);
        assertThat(got.get(2).host()).isEqualTo("127.0.0.1:" + receiver.port());
        List<NodeVerifier.Message> messages = new ArrayList<>();
        for (WebhookReceiver.Received r : got) {
            assertThat(r.id()).startsWith("msg_");
            assertThat(Long.parseLong(r.timestamp())).isCloseTo(Instant.now().getEpochSecond(), org.assertj.core.data.Offset.offset(30L));
            new Webhook(secret).verify(r.body(), r.headers()); // throws when wrong
            messages.add(new NodeVerifier.Message(secret, r.body(), r.id(), r.timestamp(), r.signature()));
        }
        assertThat(NodeVerifier.verify(messages)).containsOnly("ok");

        long id = sub.path("id").asLong();
        await(Duration.ofSeconds(5), "the log shows three successes",
                () -> deliveries(id, "&status=succeeded").size() == 3);
        JsonNode logged = deliveries(id, "").get(0);
        assertThat(logged.path("event").asString()).isEqualTo("call_hangup");
        assertThat(logged.path("call_uuid").asString()).isEqualTo(call.toString());
        assertThat(logged.path("attempts").get(0).path("http_status").asInt()).isEqualTo(200);
        assertThat(logged.path("attempts").get(0).path("response_body").asString()).isEqualTo("ok");
        assertThat(logged.path("attempts").get(0).path("latency_ms").isNumber()).isTrue();
    }

    @Test
    void anEndpointDownThenUpGetsEveryEventInOrderPerCallOncePerWebhookId() {
        WebhookReceiver receiver = receiver();
        long id = subscribe(key, receiver.url("/"), ALL_EVENTS).path("id").asLong();
        receiver.down();
        List<UUID> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            calls.add(postAnsweredCall());
        }
        await(Duration.ofSeconds(10), "failed attempts while down", () -> api.get("/api/v3/webhooks/" + id, key)
                .data().path("consecutive_failures").asInt() >= 2);
        receiver.up();
        await(Duration.ofSeconds(20), "all 24 events", () -> receiver.ids().size() == 24);
        assertInOrderPerCall(receiver, calls);
        await(Duration.ofSeconds(5), "the log shows 24 successes", () -> deliveries(id, "&status=succeeded").size() == 24);
        JsonNode retried = deliveries(id, "").findValues("attempts").stream().filter(a -> a.size() > 1).findFirst().orElseThrow();
        assertThat(retried.get(0).path("error").asString()).startsWith("Connection failed");
        assertThat(api.get("/api/v3/webhooks/" + id, key).data().path("consecutive_failures").asInt()).isZero();
    }

    private static void assertInOrderPerCall(WebhookReceiver receiver, List<UUID> calls) {
        Map<String, List<String>> byCall = receiver.eventsByCall();
        for (UUID call : calls) {
            assertThat(byCall.get(call.toString())).as("events of " + call).containsExactly("call_init", "call_bridged", "call_hangup");
        }
    }

    @Test
    void a500IsRetriedUntilItSucceedsAndEveryAttemptIsLogged() {
        WebhookReceiver receiver = receiver();
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        receiver.answer(r -> calls.incrementAndGet() <= 2 ? new WebhookReceiver.Reply(500, Map.of(), 0, "{\"error\":\"boom\"}")
                : WebhookReceiver.Reply.status(204));
        long id = subscribe(key, receiver.url("/"), "[\"call_hangup\"]").path("id").asLong();
        postAnsweredCall();
        await(Duration.ofSeconds(10), "success after two 500s", () -> deliveries(id, "&status=succeeded").size() == 1);
        JsonNode attempts = deliveries(id, "").get(0).path("attempts");
        assertThat(attempts).extracting(a -> a.path("http_status").asInt()).containsExactly(500, 500, 204);
        assertThat(attempts.get(0).path("response_body").asString()).isEqualTo("{\"error\":\"boom\"}");
        assertThat(receiver.received).extracting(WebhookReceiver.Received::id).containsOnly(receiver.received.getFirst().id());
    }

    @Test
    void aRedirectIsAFailureAndIsNotFollowed() {
        WebhookReceiver elsewhere = receiver();
        WebhookReceiver receiver = receiver();
        receiver.answer(r -> new WebhookReceiver.Reply(301, Map.of("Location", elsewhere.url("/moved")), 0, ""));
        long id = subscribe(key, receiver.url("/"), "[\"call_hangup\"]").path("id").asLong();
        postAnsweredCall();
        await(Duration.ofSeconds(10), "two failed attempts", () -> receiver.received.size() >= 2);
        JsonNode attempt = deliveries(id, "").get(0).path("attempts").get(0);
        assertThat(attempt.path("http_status").asInt()).isEqualTo(301);
        assertThat(attempt.path("error").asString()).isEqualTo("Redirects are not followed.");
        assertThat(elsewhere.received).isEmpty();
    }

    @Test
    void a410DisablesTheSubscriptionAndLaterEventsAreLoggedAsFailedForRecovery() {
        WebhookReceiver receiver = receiver();
        receiver.answer(r -> WebhookReceiver.Reply.status(410));
        long id = subscribe(key, receiver.url("/"), "[\"call_init\", \"call_hangup\"]").path("id").asLong();
        postAnsweredCall();
        await(Duration.ofSeconds(10), "disabled", () -> api.get("/api/v3/webhooks/" + id, key).data().path("status")
                .asString().equals("disabled"));
        JsonNode sub = api.get("/api/v3/webhooks/" + id, key).data();
        assertThat(sub.path("disabled_reason").asString()).startsWith("The endpoint answered 410 Gone at ");
        assertThat(receiver.received).hasSize(1);
        await(Duration.ofSeconds(5), "both deliveries failed", () -> deliveries(id, "&status=failed").size() == 2);
        assertThat(deliveries(id, "").get(0).path("last_error").asString()).contains("the subscription was disabled");
        postAnsweredCall();
        await(Duration.ofSeconds(5), "new events logged as failed", () -> deliveries(id, "&status=failed").size() == 4);

        receiver.answer(r -> WebhookReceiver.Reply.status(200));
        assertThat(api.post("/api/v3/webhooks/" + id + "/resume", key, "").data().path("status").asString()).isEqualTo("active");
        Api.Response recovered = api.post("/api/v3/webhooks/" + id + "/recover?since=2000-01-01T00:00:00Z", key, "");
        assertThat(recovered.status()).isEqualTo(202);
        assertThat(recovered.data().path("requeued").asInt()).isEqualTo(4);
        await(Duration.ofSeconds(10), "all four sent after recovery", () -> receiver.ids().size() == 4);
    }

    @Test
    void a429WithRetryAfterHoldsTheSubscriptionThatLong() {
        WebhookReceiver receiver = receiver();
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        receiver.answer(r -> calls.incrementAndGet() == 1
                ? new WebhookReceiver.Reply(429, Map.of("Retry-After", "2"), 0, "slow down")
                : WebhookReceiver.Reply.status(200));
        long id = subscribe(key, receiver.url("/"), "[\"call_hangup\"]").path("id").asLong();
        postAnsweredCall();
        await(Duration.ofSeconds(10), "two requests", () -> receiver.received.size() == 2);
        long gapMillis = (receiver.received.get(1).atNanos() - receiver.received.get(0).atNanos()) / 1_000_000;
        assertThat(gapMillis).isGreaterThanOrEqualTo(1_900);
        await(Duration.ofSeconds(5), "logged", () -> deliveries(id, "&status=succeeded").size() == 1);
        assertThat(deliveries(id, "").get(0).path("attempts").get(0).path("error").asString()).isEqualTo("Retry-After 2 s honoured.");
    }

    @Test
    void anEndpointHangingPastTheTimeoutFailsTheAttemptAndDelaysNoOtherSubscription() {
        WebhookReceiver hanging = receiver();
        hanging.answer(r -> WebhookReceiver.Reply.hang(5_000));
        WebhookReceiver healthy = receiver();
        long slow = subscribe(key, hanging.url("/"), ALL_EVENTS).path("id").asLong();
        subscribe(key, healthy.url("/"), ALL_EVENTS);
        long started = System.nanoTime();
        for (int i = 0; i < 6; i++) {
            postAnsweredCall();
        }
        await(Duration.ofSeconds(5), "18 events at the healthy endpoint", () -> healthy.ids().size() == 18);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
        assertThat(hanging.received.size()).isLessThanOrEqualTo(4); // its own in-flight cap, nothing more
        await(Duration.ofSeconds(10), "a timed-out attempt logged", () -> deliveries(slow, "").findValues("attempts").stream()
                .anyMatch(a -> a.size() > 0 && a.get(0).path("error").asString().startsWith("Timed out")));
    }

    @Test
    void theHostHeaderNamesTheSubscribedHostWhileTheCheckedAddressIsDialled() {
        WebhookReceiver receiver = receiver();
        FakeResolver.NAMES.put("hooks.test", List.of("127.0.0.1"));
        subscribe(key, "http://hooks.test:" + receiver.port() + "/in", "[\"call_init\"]");
        postAnsweredCall();
        await(Duration.ofSeconds(10), "delivered", () -> receiver.received.size() == 1);
        assertThat(receiver.received.getFirst().host()).isEqualTo("hooks.test:" + receiver.port());
    }

    @Test
    void afterARotationBothSecretsSignUntilTheOverlapEnds() throws Exception {
        WebhookReceiver receiver = receiver();
        JsonNode sub = subscribe(key, receiver.url("/"), "[\"call_init\"]");
        long id = sub.path("id").asLong();
        String oldSecret = sub.path("secret").asString();
        Api.Response rotated = api.post("/api/v3/webhooks/" + id + "/rotate-secret", key, "");
        assertThat(rotated.status()).isEqualTo(200);
        String newSecret = rotated.data().path("secret").asString();
        assertThat(newSecret).startsWith("whsec_").isNotEqualTo(oldSecret);
        Instant expires = Instant.parse(rotated.data().path("previous_secret_expires_at").asString());
        assertThat(Duration.between(Instant.now(), expires)).isBetween(Duration.ofHours(23), Duration.ofHours(24));

        postAnsweredCall();
        await(Duration.ofSeconds(10), "delivered", () -> receiver.received.size() == 1);
        WebhookReceiver.Received during = receiver.received.getFirst();
        assertThat(during.signature().split(" ")).hasSize(2);
        new Webhook(newSecret).verify(during.body(), during.headers());
        new Webhook(oldSecret).verify(during.body(), during.headers());
        assertThat(NodeVerifier.verify(List.of(
                new NodeVerifier.Message(newSecret, during.body(), during.id(), during.timestamp(), during.signature()),
                new NodeVerifier.Message(oldSecret, during.body(), during.id(), during.timestamp(), during.signature()))))
                .containsExactly("ok", "ok");

        jdbc.sql("UPDATE webhook_subscriptions SET previous_secret_until = now() - interval '1 second' WHERE id = :id")
                .param("id", id).update(); // 24 hours later
        postAnsweredCall();
        await(Duration.ofSeconds(10), "delivered", () -> receiver.received.size() == 2);
        WebhookReceiver.Received after = receiver.received.get(1);
        assertThat(after.signature().split(" ")).hasSize(1);
        new Webhook(newSecret).verify(after.body(), after.headers());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Webhook(oldSecret).verify(after.body(), after.headers()))
                .isInstanceOf(com.standardwebhooks.exceptions.WebhookVerificationException.class);
        assertThat(api.get("/api/v3/webhooks/" + id, key).data().path("previous_secret_expires_at").isNull()).isTrue();
    }
}
