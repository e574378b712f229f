package io.callrecords.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.standardwebhooks.Webhook;
import io.callrecords.support.Api;
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

    @BeforeAll
    void account() {
        api = new Api(port);
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
}
