package io.callrecords.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import io.callrecords.support.Api;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/** Managing subscriptions through /api/v3/webhooks, and the delivery log's own endpoints. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebhooksApiTest extends WebhookTestSupport {

    private String key;
    private WebhookReceiver receiver;

    @BeforeAll
    void setUp() {
        key = newAccount("webhooks-api");
        receiver = WebhookReceiver.start();
    }

    @AfterAll
    void tearDown() {
        receiver.close();
        own.forEach(WebhookReceiver::close);
    }

    private final java.util.List<WebhookReceiver> own = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** A receiver of the test's own, for tests that count what arrives. */
    private WebhookReceiver ownReceiver() {
        WebhookReceiver r = WebhookReceiver.start();
        own.add(r);
        return r;
    }

    @Test
    void createShowsTheSecretOnceThenReadsListAndUpdateDoNot() {
        JsonNode created = subscribe(key, receiver.url("/crm"), "[\"call_hangup\", \"call_updated\", \"call_hangup\"]");
        long id = created.path("id").asLong();
        assertThat(created.path("secret").asString()).matches("whsec_[A-Za-z0-9+/]{43}=");
        assertThat(created.path("events")).extracting(JsonNode::asString).containsExactly("call_hangup", "call_updated");
        assertThat(created.path("status").asString()).isEqualTo("active");
        assertThat(created.path("description").asString()).isEqualTo("test");

        JsonNode read = api.get("/api/v3/webhooks/" + id, key).data();
        assertThat(read.has("secret")).isFalse();
        assertThat(read.propertyNames()).containsExactly("id", "url", "events", "description", "hangup_waits_for_media",
                "media_wait_seconds", "status", "disabled_reason",
                "disabled_at", "consecutive_failures", "failing_since", "held_until", "previous_secret_expires_at",
                "created_at", "updated_at");
        assertThat(api.get("/api/v3/webhooks", key).data().findValues("id")).extracting(JsonNode::asLong).contains(id);

        Api.Response patched = api.patch("/api/v3/webhooks/" + id, key,
                "{\"events\": [\"call_init\"], \"description\": null, \"url\": \"" + receiver.url("/other") + "\"}");
        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.data().path("events")).extracting(JsonNode::asString).containsExactly("call_init");
        assertThat(patched.data().path("description").isNull()).isTrue();
        assertThat(patched.data().path("url").asString()).endsWith("/other");
        assertThat(patched.data().has("secret")).isFalse();
    }

    @Test
    void badFieldsAreAllNamedAtOnce() {
        Api.Response bad = api.post("/api/v3/webhooks", key,
                "{\"url\": \"ftp://example.com/x\", \"events\": [\"call_init\", \"call_exploded\"], \"description\": 5}");
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.body().path("errors").path("url").get(0).asString()).isEqualTo("must start with https:// or http://");
        assertThat(bad.body().path("errors").path("events").get(0).asString()).startsWith("call_exploded is not one of");
        assertThat(bad.body().path("errors").has("description")).isTrue();

        assertThat(urlError("https://user:pass@example.com/hook")).contains("must not contain credentials");
        assertThat(urlError("https://example.com/" + "a".repeat(2100))).isEqualTo("is longer than 2048 characters");
        assertThat(urlError("https:///nohost")).isNotNull();
        assertThat(urlError("http://10.0.0.8/hook")).contains("a private address");
        assertThat(urlError("http://169.254.169.254/latest/meta-data")).contains("cloud metadata");
        assertThat(urlError("http://[::1]:8080/")).contains("loopback");
        assertThat(api.post("/api/v3/webhooks", key, "{}").body().path("errors").propertyNames())
                .containsExactlyInAnyOrder("url", "events");
        assertThat(api.patch("/api/v3/webhooks/999999", key, "{}").status()).isEqualTo(404);
    }

    private String urlError(String url) {
        Api.Response r = api.post("/api/v3/webhooks", key, "{\"url\": \"" + url + "\", \"events\": [\"call_init\"]}");
        assertThat(r.status()).as(url).isEqualTo(422);
        return r.body().path("errors").path("url").get(0).asString();
    }

    @Test
    void managingNeedsAdminReadingNeedsReadAndOtherAccountsSeeNothing() {
        long id = subscribe(key, receiver.url("/scoped"), "[\"call_init\"]").path("id").asLong();
        String writer = newKey(key, "[\"read\", \"write\"]")[1];
        String reader = newKey(key, "[\"read\"]")[1];
        assertThat(api.post("/api/v3/webhooks", writer, "{\"url\": \"https://example.com\", \"events\": [\"call_init\"]}")
                .status()).isEqualTo(403);
        assertThat(api.post("/api/v3/webhooks/" + id + "/rotate-secret", writer, "").status()).isEqualTo(403);
        assertThat(api.delete("/api/v3/webhooks/" + id, writer).status()).isEqualTo(403);
        assertThat(api.post("/api/v3/webhooks/" + id + "/pause", reader, "").status()).isEqualTo(403);
        assertThat(api.get("/api/v3/webhooks/" + id, reader).status()).isEqualTo(200);
        assertThat(api.get("/api/v3/webhooks/" + id + "/deliveries", reader).status()).isEqualTo(200);
        assertThat(api.post("/api/v3/webhooks/" + id + "/pause", writer, "").data().path("status").asString()).isEqualTo("paused");

        String other = newAccount("webhooks-other");
        assertThat(api.get("/api/v3/webhooks/" + id, other).status()).isEqualTo(404);
        assertThat(api.get("/api/v3/webhooks/" + id + "/deliveries", other).status()).isEqualTo(404);
        assertThat(api.delete("/api/v3/webhooks/" + id, other).status()).isEqualTo(404);
        assertThat(api.get("/api/v3/webhooks", other).data()).isEmpty();
        assertThat(api.get("/api/v3/webhooks/abc", key).status()).isEqualTo(404);
    }

    /**
     * The actions that need {@code write} (test, resend, recover, pause, resume) work with a key that has only that
     * scope, as the README's scopes say; their answers then say which subscription or delivery and its status, and
     * nothing that reading needs {@code read} for (the URL, the record, the endpoint's answers). The admin actions
     * likewise need no {@code read}.
     */
    @Test
    void writeActionsNeedOnlyWriteAndShowAWriteOnlyKeyNothingItCouldNotRead() {
        WebhookReceiver receiver = ownReceiver();
        long id = subscribe(key, receiver.url("/write-only"), "[\"call_init\"]").path("id").asLong();
        String writeOnly = newKey(key, "[\"write\"]")[1];
        int before = receiver.received.size();

        Api.Response queued = api.post("/api/v3/webhooks/" + id + "/test", writeOnly, "{\"event\": \"call_hangup\"}");
        assertThat(queued.status()).as(queued.raw().body()).isEqualTo(202);
        assertThat(queued.data().propertyNames()).containsExactly("id", "status");
        assertThat(queued.data().path("status").asString()).isEqualTo("pending");
        long delivery = queued.data().path("id").asLong();
        await(Duration.ofSeconds(10), "the test event", () -> receiver.received.size() == before + 1);
        await(Duration.ofSeconds(5), "logged as succeeded", () -> api.get("/api/v3/webhooks/" + id + "/deliveries/" + delivery, key)
                .data().path("status").asString().equals("succeeded"));

        Api.Response resent = api.post("/api/v3/webhooks/" + id + "/deliveries/" + delivery + "/resend", writeOnly, "");
        assertThat(resent.status()).as(resent.raw().body()).isEqualTo(202);
        assertThat(resent.data().propertyNames()).containsExactly("id", "status");
        await(Duration.ofSeconds(10), "sent again", () -> receiver.received.size() == before + 2);

        Api.Response recovered = api.post("/api/v3/webhooks/" + id + "/recover?since=2026-01-01T00:00:00Z", writeOnly, "");
        assertThat(recovered.status()).as(recovered.raw().body()).isEqualTo(202);
        assertThat(recovered.data().path("requeued").asInt()).isZero();

        Api.Response paused = api.post("/api/v3/webhooks/" + id + "/pause", writeOnly, "");
        assertThat(paused.status()).isEqualTo(200);
        assertThat(paused.data().propertyNames()).containsExactly("id", "status");
        assertThat(paused.data().path("status").asString()).isEqualTo("paused");
        assertThat(api.post("/api/v3/webhooks/" + id + "/resume", writeOnly, "").data().path("status").asString())
                .isEqualTo("active");

        assertThat(api.get("/api/v3/webhooks/" + id, writeOnly).status()).isEqualTo(403);
        assertThat(api.get("/api/v3/webhooks/" + id + "/deliveries", writeOnly).status()).isEqualTo(403);
        assertThat(api.get("/api/v3/webhooks/" + id + "/deliveries/" + delivery, writeOnly).status()).isEqualTo(403);
        assertThat(api.post("/api/v3/webhooks/424242/test", writeOnly, "").status()).isEqualTo(404);
        assertThat(api.post("/api/v3/webhooks/" + id + "/deliveries/424242/resend", writeOnly, "").status()).isEqualTo(404);

        String adminWithoutRead = newKey(key, "[\"write\", \"admin\"]")[1];
        Api.Response patched = api.patch("/api/v3/webhooks/" + id, adminWithoutRead, "{\"description\": \"changed\"}");
        assertThat(patched.status()).as(patched.raw().body()).isEqualTo(200);
        assertThat(patched.data().propertyNames()).containsExactly("id", "status");
        Api.Response rotated = api.post("/api/v3/webhooks/" + id + "/rotate-secret", adminWithoutRead, "");
        assertThat(rotated.data().propertyNames()).containsExactly("id", "status", "secret");
        assertThat(api.get("/api/v3/webhooks/" + id, key).data().path("description").asString()).isEqualTo("changed");
    }

    @Test
    void aTestEventIsSignedSentAndLoggedAndCanBeResent() {
        WebhookReceiver receiver = ownReceiver();
        JsonNode sub = subscribe(key, receiver.url("/test-event"), "[\"call_init\"]");
        long id = sub.path("id").asLong();
        int before = receiver.received.size();
        Api.Response queued = api.post("/api/v3/webhooks/" + id + "/test", key, "{\"event\": \"call_bridged\"}");
        assertThat(queued.status()).isEqualTo(202);
        long delivery = queued.data().path("id").asLong();
        assertThat(queued.data().path("webhook_id").asString()).startsWith("msg_");
        await(Duration.ofSeconds(10), "the test event", () -> receiver.received.size() == before + 1);
        JsonNode body = Api.JSON.readTree(receiver.received.getLast().body());
        assertThat(body.path("event").asString()).isEqualTo("call_bridged");
        assertThat(body.path("data").path("call_flow").isArray()).isTrue();
        await(Duration.ofSeconds(5), "logged as succeeded", () -> api.get("/api/v3/webhooks/" + id + "/deliveries/" + delivery, key)
                .data().path("status").asString().equals("succeeded"));

        Api.Response resent = api.post("/api/v3/webhooks/" + id + "/deliveries/" + delivery + "/resend", key, "");
        assertThat(resent.status()).isEqualTo(202);
        await(Duration.ofSeconds(10), "sent again", () -> receiver.received.size() == before + 2);
        assertThat(receiver.received.getLast().id()).isEqualTo(queued.data().path("webhook_id").asString());
        await(Duration.ofSeconds(5), "two attempts logged", () -> api.get("/api/v3/webhooks/" + id + "/deliveries/" + delivery, key)
                .data().path("attempts").size() == 2);
        assertThat(api.post("/api/v3/webhooks/" + id + "/test", key, "{\"event\": \"nope\"}").status()).isEqualTo(422);
        assertThat(api.post("/api/v3/webhooks/" + id + "/deliveries/424242/resend", key, "").status()).isEqualTo(404);
    }

    /**
     * The answers are written from the records the OpenAPI document is made from: the same fields, in the wire's order,
     * nulls written (but a secret only where one was just made), and a page of the log is {@code data} then
     * {@code meta}.
     */
    @Test
    void answersHaveTheFieldsOfTheirSchemasInTheirOrderWithNullsWritten() {
        WebhookReceiver receiver = ownReceiver();
        JsonNode created = subscribe(key, receiver.url("/shapes"), "[\"call_init\"]");
        long id = created.path("id").asLong();
        JsonNode schemas = api.get("/v3/api-docs", null).body().path("components").path("schemas");
        assertThat(created.propertyNames()).containsExactly("id", "url", "events", "description", "hangup_waits_for_media",
                "media_wait_seconds", "status",
                "disabled_reason", "disabled_at", "consecutive_failures", "failing_since", "held_until",
                "previous_secret_expires_at", "created_at", "updated_at", "secret");
        assertThat(created.propertyNames())
                .containsExactlyInAnyOrderElementsOf(schemas.path("WebhookSubscription").path("properties").propertyNames());
        assertThat(created.path("disabled_reason").isNull()).isTrue();

        long delivery = api.post("/api/v3/webhooks/" + id + "/test", key, "").data().path("id").asLong();
        await(Duration.ofSeconds(10), "the test event logged as succeeded", () -> api.get("/api/v3/webhooks/" + id
                + "/deliveries/" + delivery, key).data().path("status").asString().equals("succeeded"));
        JsonNode page = api.get("/api/v3/webhooks/" + id + "/deliveries", key).body();
        assertThat(page.propertyNames()).containsExactly("data", "meta");
        assertThat(page.path("meta").propertyNames()).containsExactly("count", "offset", "limit");
        JsonNode logged = page.path("data").get(0);
        assertThat(logged.propertyNames()).containsExactly("id", "webhook_id", "event", "call_uuid", "status",
                "attempt_count", "next_attempt_at", "last_http_status", "last_error", "created_at", "completed_at",
                "attempts");
        assertThat(logged.propertyNames())
                .containsExactlyInAnyOrderElementsOf(schemas.path("WebhookDelivery").path("properties").propertyNames());
        assertThat(logged.path("call_uuid").isNull()).as("a test delivery is of no call").isTrue();
        assertThat(logged.path("next_attempt_at").isNull()).as("not pending").isTrue();
        JsonNode attempt = logged.path("attempts").get(0);
        assertThat(attempt.propertyNames()).containsExactly("attempted_at", "http_status", "error", "latency_ms",
                "response_body");
        assertThat(attempt.propertyNames())
                .containsExactlyInAnyOrderElementsOf(schemas.path("WebhookAttempt").path("properties").propertyNames());
        assertThat(attempt.path("error").isNull()).isTrue();
        assertThat(api.post("/api/v3/webhooks/" + id + "/recover?since=2026-01-01T00:00:00Z", key, "").body()
                .path("data").propertyNames()).containsExactly("requeued");
    }

    @Test
    void theTestEventsSampleHasTheShapeOfARecordServedForTheSameCall() {
        WebhookReceiver sampleReceiver = ownReceiver();
        long id = subscribe(key, sampleReceiver.url("/sample"), "[\"call_hangup\"]").path("id").asLong();
        assertThat(api.post("/api/v3/webhooks/" + id + "/test", key, "").status()).isEqualTo(202);
        await(Duration.ofSeconds(10), "the test event", () -> sampleReceiver.received.size() == 1);
        JsonNode sample = Api.JSON.readTree(sampleReceiver.received.getFirst().body()).path("data");

        // the call the sample describes: an answered inbound call (init, bridge, hangup)
        java.util.UUID call = java.util.UUID.randomUUID();
        api.post("/api/v3/call-events", key, CallEvents.answeredCall(call, java.time.Instant.parse("2026-03-26T09:31:32Z")));
        JsonNode served = api.get("/api/v3/calls/" + call, key).data();

        assertThat(sample.propertyNames()).containsExactlyElementsOf(served.propertyNames());
        for (String field : served.propertyNames()) {
            if (!sample.path(field).isNull() && !served.path(field).isNull()) {
                assertThat(sample.path(field).getNodeType()).as(field).isEqualTo(served.path(field).getNodeType());
            }
        }
        assertThat(shape(sample.path("call_flow"))).isEqualTo(shape(served.path("call_flow")));
    }

    /** A JSON value with every scalar replaced by its type, keeping the order of the keys of every object. */
    private static String shape(JsonNode node) {
        if (node.isObject()) {
            return node.propertyNames().stream().map(name -> name + ": " + shape(node.path(name)))
                    .collect(java.util.stream.Collectors.joining(", ", "{", "}"));
        }
        if (node.isArray()) {
            return node.values().stream().map(WebhooksApiTest::shape)
                    .collect(java.util.stream.Collectors.joining(", ", "[", "]"));
        }
        return node.isTextual() && node.asString().matches("[a-z_]+") ? node.asString() : node.getNodeType().toString();
    }

    @Test
    void pausedSubscriptionsQueueAndResumeSendsInOrder() {
        WebhookReceiver receiver = ownReceiver();
        long id = subscribe(key, receiver.url("/paused"), ALL_EVENTS).path("id").asLong();
        api.post("/api/v3/webhooks/" + id + "/pause", key, "");
        int before = receiver.received.size();
        java.util.UUID call = java.util.UUID.randomUUID();
        api.post("/api/v3/call-events", key, CallEvents.answeredCall(call, java.time.Instant.parse("2026-04-01T10:00:00Z")));
        JsonNode waiting = api.get("/api/v3/webhooks/" + id + "/deliveries?status=pending", key).body();
        assertThat(waiting.path("data").findValues("event")).as(waiting.toString()).hasSize(3);
        assertThat(waiting.path("meta").path("count").asInt()).as(waiting.toString()).isEqualTo(3);
        assertThat(waiting.path("data").get(0).path("next_attempt_at").isString()).isTrue();
        assertThat(receiver.received.size()).isEqualTo(before);
        assertThat(api.post("/api/v3/webhooks/" + id + "/resume", key, "").data().path("status").asString()).isEqualTo("active");
        await(Duration.ofSeconds(10), "three events after resume", () -> receiver.received.size() == before + 3);
        assertThat(receiver.received.subList(before, before + 3)).extracting(r -> Api.JSON.readTree(r.body()).path("event").asString())
                .containsExactly("call_init", "call_bridged", "call_hangup");
    }

    @Test
    void deliveryListsRejectUnknownParametersAndRecoverNeedsATime() {
        long id = subscribe(key, receiver.url("/params"), "[\"call_init\"]").path("id").asLong();
        Api.Response bad = api.get("/api/v3/webhooks/" + id + "/deliveries?limit=101&status=lost&page=2", key);
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.body().path("errors").propertyNames()).containsExactlyInAnyOrder("limit", "status", "page");
        assertThat(api.post("/api/v3/webhooks/" + id + "/recover", key, "").status()).isEqualTo(422);
        assertThat(api.post("/api/v3/webhooks/" + id + "/recover?since=yesterday", key, "").status()).isEqualTo(422);
        assertThat(api.post("/api/v3/webhooks/" + id + "/recover?since=2026-01-01T00:00:00Z", key, "").data()
                .path("requeued").asInt()).isZero();
    }

    @Test
    void deleteAnswersTheSubscriptionAsItWasAndForgetsIt() {
        long id = subscribe(key, receiver.url("/gone"), "[\"call_init\"]").path("id").asLong();
        api.post("/api/v3/webhooks/" + id + "/test", key, "");
        Api.Response deleted = api.delete("/api/v3/webhooks/" + id, key);
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.data().path("id").asLong()).isEqualTo(id);
        assertThat(api.get("/api/v3/webhooks/" + id, key).status()).isEqualTo(404);
        assertThat(api.get("/api/v3/webhooks/" + id + "/deliveries", key).status()).isEqualTo(404);
    }

    @org.springframework.beans.factory.annotation.Autowired
    CallOrder order;

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void laterEventsOfACallWaitBehindEarlierOnesAndTheSweepRepairsAChainLeftBlocked() {
        long id = subscribe(key, receiver.url("/order"), ALL_EVENTS).path("id").asLong();
        api.post("/api/v3/webhooks/" + id + "/pause", key, "");
        api.post("/api/v3/call-events", key, CallEvents.answeredCall(java.util.UUID.randomUUID(),
                java.time.Instant.parse("2026-04-02T10:00:00Z")));
        String blocked = "SELECT event FROM webhook_deliveries WHERE subscription_id = :id AND blocked ORDER BY id";
        assertThat(jdbc.sql(blocked).param("id", id).query(String.class).list()).containsExactly("call_bridged", "call_hangup");
        // as if a race had finished call_init without unblocking call_bridged
        jdbc.sql("UPDATE webhook_deliveries SET status = 'failed' WHERE subscription_id = :id AND event = 'call_init'")
                .param("id", id).update();
        assertThat(order.sweep()).isEqualTo(1);
        assertThat(jdbc.sql(blocked).param("id", id).query(String.class).list()).containsExactly("call_hangup");
    }
}
