package io.callrecords.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import io.callrecords.support.Api;
import io.callrecords.support.Audio;
import io.callrecords.support.TestDirectories;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A webhook carries the record as it was when its event happened (kept when the delivery was queued, resent as it
 * was), and a subscription may hold {@code call_hangup} until the call's recording has arrived.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebhookSnapshotTest extends WebhookTestSupport {

    private static final Path DATA_DIR = TestDirectories.deletedAtExit("callrecords-webhook-snapshot-test");

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("callrecords.data-dir", DATA_DIR::toString);
    }

    private final List<WebhookReceiver> receivers = new ArrayList<>();
    private String key;
    private Instant clock = Instant.parse("2026-03-26T08:00:00Z");

    @BeforeAll
    void account() {
        key = newAccount("webhook-snapshots");
    }

    @AfterEach
    void cleanUp() {
        api.get("/api/v3/webhooks", key).data().forEach(s -> api.delete("/api/v3/webhooks/" + s.path("id").asLong(), key));
        receivers.forEach(WebhookReceiver::close);
        receivers.clear();
    }

    private WebhookReceiver receiver() {
        WebhookReceiver r = WebhookReceiver.start();
        receivers.add(r);
        return r;
    }

    private void post(String events) {
        Api.Response accepted = api.post("/api/v3/call-events", key, events);
        assertThat(accepted.status()).as(accepted.raw().body()).isEqualTo(202);
    }

    private JsonNode bodyOf(WebhookReceiver receiver, String event) {
        return receiver.received.stream().map(r -> Api.JSON.readTree(r.body()))
                .filter(b -> b.path("event").asString().equals(event)).findFirst().orElseThrow();
    }

    private void putRecording(UUID call) {
        Api.Response put = api.send(api.request("/api/v3/calls/" + call + "/recording", key)
                .header("Content-Type", Audio.MP3).PUT(HttpRequest.BodyPublishers.ofByteArray(Audio.bytes(Audio.MP3, 2_000, 1))));
        assertThat(put.status()).as(put.raw().body()).isBetween(200, 299);
    }

    @Test
    void eachEventCarriesTheRecordAsItWasThenEvenWhenTheWholeCallCameInOneRequest() {
        WebhookReceiver receiver = receiver();
        subscribe(key, receiver.url("/"), ALL_EVENTS);
        UUID call = UUID.randomUUID();
        clock = clock.plusSeconds(600);
        post(CallEvents.answeredCall(call, clock));
        await(Duration.ofSeconds(10), "three events", () -> receiver.ids().size() == 3);

        JsonNode init = bodyOf(receiver, "call_init").path("data");
        assertThat(init.path("uuid").asString()).isEqualTo(call.toString());
        assertThat(init.path("started_at").asString()).isEqualTo(clock.toString());
        for (String unknownYet : List.of("bridged_at", "ended_at", "call_duration", "missing_call",
                "missing_call_reason", "hangup_by", "user_id", "credited", "record_url")) {
            assertThat(init.path(unknownYet).isNull()).as(unknownYet).isTrue();
        }
        assertThat(init.path("answered_at").asString()).as("first sent to a greeting, which answers by itself")
                .isEqualTo(clock.toString());
        assertThat(init.path("call_flow").toString()).isEqualTo("[{\"action\":\"init\",\"detail\":{\"id\":1,"
                + "\"type\":\"greeting\"},\"timestamp\":" + clock.getEpochSecond() + "}]");

        JsonNode bridged = bodyOf(receiver, "call_bridged").path("data");
        assertThat(bridged.path("bridged_at").asString()).isEqualTo(clock.plusSeconds(5).toString());
        assertThat(bridged.path("user_id").asLong()).isEqualTo(42);
        assertThat(bridged.path("ended_at").isNull()).isTrue();
        assertThat(bridged.path("call_flow").size()).isEqualTo(2);

        JsonNode hangup = bodyOf(receiver, "call_hangup").path("data");
        assertThat(hangup).isEqualTo(api.get("/api/v3/calls/" + call, key).data());
        assertThat(hangup.path("credited").isBoolean()).isTrue();
    }

    @Test
    void aResentDeliveryCarriesTheSameRecordAsItsFirstAttempt() {
        WebhookReceiver receiver = receiver();
        long subscription = subscribe(key, receiver.url("/"), "[\"call_hangup\"]").path("id").asLong();
        UUID call = UUID.randomUUID();
        clock = clock.plusSeconds(600);
        post(CallEvents.answeredCall(call, clock));
        await(Duration.ofSeconds(10), "the hangup", () -> receiver.received.size() == 1);
        JsonNode first = Api.JSON.readTree(receiver.received.getFirst().body());

        // The record changes after the event: a late event (a second bridge) moves user_id and updated_at.
        post("[" + """
                {"id": "%s-late", "call_uuid": "%s", "action": "bridge", "at": "%s", "detail": {"type": "user", "id": 43}}"""
                .formatted(call, call, clock.plusSeconds(30)) + "]");
        assertThat(api.get("/api/v3/calls/" + call, key).data().path("user_id").asLong()).isEqualTo(43);

        long delivery = api.get("/api/v3/webhooks/" + subscription + "/deliveries?limit=10", key).data().get(0)
                .path("id").asLong();
        Api.Response resent = api.post("/api/v3/webhooks/" + subscription + "/deliveries/" + delivery + "/resend", key, "");
        assertThat(resent.status()).as(resent.raw().body()).isBetween(200, 299);
        await(Duration.ofSeconds(10), "the resend", () -> receiver.received.size() == 2);
        JsonNode again = Api.JSON.readTree(receiver.received.get(1).body());
        assertThat(receiver.received.get(1).id()).isEqualTo(receiver.received.getFirst().id());
        assertThat(again).isEqualTo(first);
        assertThat(again.path("data").path("user_id").asLong()).isEqualTo(42);
    }

    @Test
    void aHeldHangupGoesWhenTheRecordingArrivesWithItsLink() {
        WebhookReceiver receiver = receiver();
        Api.Response created = api.post("/api/v3/webhooks", key, """
                {"url": "%s", "events": ["call_hangup"], "hangup_waits_for_media": true, "media_wait_seconds": 60}"""
                .formatted(receiver.url("/")));
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        assertThat(created.data().path("hangup_waits_for_media").asBoolean()).isTrue();
        assertThat(created.data().path("media_wait_seconds").asInt()).isEqualTo(60);

        UUID answered = UUID.randomUUID();
        UUID missed = UUID.randomUUID();
        clock = clock.plusSeconds(600);
        post(CallEvents.answeredCall(answered, clock));
        post("[" + CallEvents.init(missed, clock) + "," + CallEvents.hangup(missed, clock.plusSeconds(20)) + "]");
        await(Duration.ofSeconds(10), "the missed call's hangup, not held: only the IVR picked it up",
                () -> receiver.received.size() == 1);
        assertThat(Api.JSON.readTree(receiver.received.getFirst().body()).path("data").path("uuid").asString())
                .isEqualTo(missed.toString());
        sleep(Duration.ofMillis(1_500)); // several dispatcher polls: the answered call's hangup stays held
        assertThat(receiver.received).hasSize(1);

        putRecording(answered);
        await(Duration.ofSeconds(10), "the held hangup", () -> receiver.received.size() == 2);
        JsonNode hangup = Api.JSON.readTree(receiver.received.get(1).body());
        assertThat(hangup.path("event").asString()).isEqualTo("call_hangup");
        assertThat(hangup.path("data").path("uuid").asString()).isEqualTo(answered.toString());
        assertThat(hangup.path("data").path("record_url").asString()).contains("/media/v1/").contains("/recording?");
        ObjectNode served = (ObjectNode) api.get("/api/v3/calls/" + answered, key).data();
        assertThat(withoutLinkAndTime(hangup.path("data"))).isEqualTo(withoutLinkAndTime(served));
    }

    @Test
    void aHeldHangupGoesWithoutMediaWhenItsWaitEnds() {
        WebhookReceiver receiver = receiver();
        long id = subscribe(key, receiver.url("/"), "[\"call_hangup\"]").path("id").asLong();
        Api.Response changed = api.patch("/api/v3/webhooks/" + id, key,
                "{\"hangup_waits_for_media\": true, \"media_wait_seconds\": 1}");
        assertThat(changed.status()).as(changed.raw().body()).isEqualTo(200);
        assertThat(changed.data().path("media_wait_seconds").asInt()).isEqualTo(1);

        UUID call = UUID.randomUUID();
        clock = clock.plusSeconds(600);
        long posted = System.nanoTime();
        post(CallEvents.answeredCall(call, clock));
        await(Duration.ofSeconds(10), "the hangup after its wait", () -> receiver.received.size() == 1);
        assertThat(Duration.ofNanos(receiver.received.getFirst().atNanos() - posted)).isGreaterThan(Duration.ofMillis(900));
        assertThat(Api.JSON.readTree(receiver.received.getFirst().body()).path("data").path("record_url").isNull())
                .isTrue();
    }

    @Test
    void theMediaWaitIsCheckedAndNamed() {
        Api.Response bad = api.post("/api/v3/webhooks", key, """
                {"url": "https://crm.example.com/hooks", "events": ["call_hangup"], "hangup_waits_for_media": "yes",
                 "media_wait_seconds": 0}""");
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.body().path("errors").path("hangup_waits_for_media").get(0).asString())
                .isEqualTo("must be true or false");
        assertThat(bad.body().path("errors").path("media_wait_seconds").get(0).asString())
                .isEqualTo("must be a whole number of seconds from 1 to 3600");
    }

    private static JsonNode withoutLinkAndTime(JsonNode record) {
        ObjectNode copy = ((ObjectNode) record).deepCopy();
        copy.remove("record_url");
        copy.remove("updated_at"); // the recording moved it after the hang-up
        return copy;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
