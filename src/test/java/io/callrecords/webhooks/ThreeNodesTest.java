package io.callrecords.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import io.callrecords.support.Api;
import io.callrecords.support.AppProcess;
import io.callrecords.support.Audio;
import io.callrecords.support.Eventually;
import io.callrecords.support.MediaAppTestSupport;
import io.callrecords.support.TestDatabase;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Three app nodes as separate processes on one PostgreSQL and one shared data directory (the media store and the
 * keys), as a deployment behind a load balancer runs them: a call's events posted to different nodes give one
 * record, the same from every node; media stored through one node is served by the others; a key revoked on one node
 * is refused by every node within a second; a node killed with -9 while deliveries are in flight leaves none of them
 * behind (the others take its leases over), and a delivery sent twice keeps its {@code webhook-id}.
 */
class ThreeNodesTest {

    private static final String OPERATOR = "three-nodes-operator-token";
    private static final int CALLS = 24;

    @Test
    void threeNodesServeAsOne() throws Exception {
        Path shared = Files.createTempDirectory("callrecords-three-nodes");
        Map<String, String> env = new HashMap<>(Map.of(
                "CALLRECORDS_DB_URL", TestDatabase.fresh("threenodes"),
                "CALLRECORDS_DB_USER", "postgres",
                "CALLRECORDS_OPERATOR_TOKEN", OPERATOR,
                "CALLRECORDS_OUTBOUND_ALLOWED_HOSTS", "127.0.0.1",
                "CALLRECORDS_WEBHOOKS_TIMEOUT", "5s",
                "CALLRECORDS_WEBHOOKS_LEASE", "8s",
                "CALLRECORDS_WEBHOOKS_POLL_INTERVAL", "200ms",
                "CALLRECORDS_WEBHOOKS_RETRY_SCHEDULE", "200ms,400ms,800ms,1s,1s,1s,1s,1s",
                "CALLRECORDS_WEBHOOKS_MAX_IN_FLIGHT_PER_SUBSCRIPTION", "4"));
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            // a slow endpoint, so that deliveries are in flight when a node dies
            receiver.answer(r -> WebhookReceiver.Reply.hang(600));
            List<AppProcess> nodes = new ArrayList<>();
            try {
                for (int i = 0; i < 3; i++) {
                    nodes.add(AppProcess.launch(shared, env));
                }
                for (AppProcess node : nodes) {
                    node.awaitReady(Duration.ofSeconds(300));
                }
                List<Api> apis = nodes.stream().map(AppProcess::api).toList();
                String key = apis.get(0).post("/admin/accounts", OPERATOR, "{\"name\": \"three nodes\"}")
                        .data().path("api_key").asString();
                assertThat(apis.get(1).post("/api/v3/webhooks", key, "{\"url\": \"" + receiver.url("/")
                        + "\", \"events\": [\"call_init\", \"call_bridged\", \"call_hangup\"]}").status()).isEqualTo(201);

                List<UUID> calls = eventsPostedToEveryNode(apis, key);
                theSameRecordFromEveryNode(apis, key, calls);
                mediaStoredThroughOneNodeIsServedByTheOthers(nodes, key, calls.getFirst());
                aKeyRevokedOnOneNodeIsRefusedByEveryNodeWithinASecond(apis, key);

                // node 3 dies with -9 while deliveries are in flight
                WebhookTestSupport.await(Duration.ofSeconds(60), "deliveries under way", () -> receiver.ids().size() >= 6);
                int sentBeforeTheKill = receiver.received.size();
                assertThat(receiver.ids()).as("no delivery sent twice while every node lives").hasSize(sentBeforeTheKill);
                nodes.get(2).kill();

                WebhookTestSupport.await(Duration.ofSeconds(90), "every delivery, the dead node's taken over",
                        () -> receiver.ids().size() == CALLS * 3);
                Map<String, List<String>> byCall = receiver.eventsByCall();
                for (UUID call : calls) {
                    assertThat(byCall.get(call.toString())).as("call " + call)
                            .containsExactly("call_init", "call_bridged", "call_hangup");
                }
                System.out.printf("Three nodes: %d deliveries, %d requests (%d sent again after the kill)%n",
                        CALLS * 3, receiver.received.size(), receiver.received.size() - CALLS * 3);
            } finally {
                for (AppProcess node : nodes) {
                    node.close();
                }
            }
        }
    }

    /** Each call's init to node 1, its bridge to node 2 and its hangup to node 3, one after another. */
    private static List<UUID> eventsPostedToEveryNode(List<Api> apis, String key) {
        Instant start = Instant.parse("2026-06-01T08:00:00Z");
        List<UUID> calls = new ArrayList<>();
        for (int i = 0; i < CALLS; i++) {
            UUID call = UUID.randomUUID();
            calls.add(call);
            Instant at = start.plusSeconds(i * 300L);
            String[] events = {CallEvents.init(call, at), CallEvents.bridge(call, at.plusSeconds(5)),
                    CallEvents.hangup(call, at.plusSeconds(60))};
            for (int node = 0; node < 3; node++) {
                Api.Response sent = apis.get(node).post("/api/v3/call-events", key, "[" + events[node] + "]");
                assertThat(sent.status()).as(sent.raw().body()).isEqualTo(202);
            }
        }
        return calls;
    }

    private static void theSameRecordFromEveryNode(List<Api> apis, String key, List<UUID> calls) {
        for (UUID call : calls) {
            Api.Response first = apis.get(0).get("/api/v3/calls/" + call, key);
            assertThat(first.status()).isEqualTo(200);
            assertThat(first.data().path("hangup_by").asString()).isEqualTo("contact");
            assertThat(first.data().path("user_id").asLong()).isEqualTo(42);
            for (Api other : apis.subList(1, 3)) {
                assertThat(other.get("/api/v3/calls/" + call, key).data()).isEqualTo(first.data());
            }
        }
        for (Api api : apis) {
            assertThat(api.get("/api/v3/calls", key).body().path("meta").path("count").asLong())
                    .isEqualTo(CALLS);
        }
    }

    private static void mediaStoredThroughOneNodeIsServedByTheOthers(List<AppProcess> nodes, String key, UUID call) {
        byte[] audio = Audio.bytes(Audio.MP3, 6_000, 22);
        Api.Response stored = nodes.get(0).api().send(nodes.get(0).api().request("/api/v3/calls/" + call + "/recording", key)
                .header("Content-Type", "audio/mpeg").PUT(HttpRequest.BodyPublishers.ofByteArray(audio)));
        assertThat(stored.status()).as(stored.raw().body()).isEqualTo(201);
        String link = stored.data().path("url").asString();
        String throughNode1 = ":" + nodes.get(0).port() + "/";
        assertThat(link).contains(throughNode1);
        for (AppProcess other : nodes.subList(1, 3)) {
            assertThat(MediaAppTestSupport.download(link.replace(throughNode1, ":" + other.port() + "/")).body())
                    .as("the recording through node on port " + other.port()).isEqualTo(audio);
            // and each node signs links the others accept
            String signedThere = other.api().get("/api/v3/calls/" + call + "/recording", key).header("location");
            assertThat(MediaAppTestSupport.download(signedThere.replace(":" + other.port() + "/", throughNode1)).body())
                    .isEqualTo(audio);
        }
    }

    private static void aKeyRevokedOnOneNodeIsRefusedByEveryNodeWithinASecond(List<Api> apis, String admin) {
        Api.Response created = apis.get(0).post("/api/v3/api-keys", admin,
                "{\"name\": \"revoked across nodes\", \"scopes\": [\"read\"]}");
        String id = created.data().path("id").asString();
        String secret = created.data().path("secret").asString();
        for (Api api : apis) { // every node has it in its cache
            assertThat(api.get("/api/v3/calls", secret).status()).isEqualTo(200);
            assertThat(api.get("/api/v3/calls", secret).status()).isEqualTo(200);
        }
        assertThat(apis.get(1).delete("/api/v3/api-keys/" + id, admin).status()).isEqualTo(200);
        for (Api api : apis) {
            Eventually.within(Duration.ofSeconds(1), "every node refusing the revoked key",
                    () -> api.get("/api/v3/calls", secret).status() == 401);
        }
    }
}
