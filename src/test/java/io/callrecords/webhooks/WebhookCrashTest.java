package io.callrecords.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import io.callrecords.support.Api;
import io.callrecords.support.AppProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** kill -9 of the app while deliveries are in flight: after a restart every event still arrives, in order per call. */
class WebhookCrashTest {

    private static final String OPERATOR = "crash-operator-token";

    @Test
    void nothingIsLostWhenTheAppIsKilledMidDelivery() throws Exception {
        Path dataDir = Files.createTempDirectory("callrecords-webhook-crash");
        Map<String, String> env = Map.of(
                "CALLRECORDS_OPERATOR_TOKEN", OPERATOR,
                "CALLRECORDS_OUTBOUND_ALLOWED_HOSTS", "127.0.0.1",
                "CALLRECORDS_WEBHOOKS_TIMEOUT", "1s",
                "CALLRECORDS_WEBHOOKS_LEASE", "3s",
                "CALLRECORDS_WEBHOOKS_POLL_INTERVAL", "200ms",
                "CALLRECORDS_WEBHOOKS_RETRY_SCHEDULE", "200ms,400ms,800ms,1s,1s,1s,1s,1s",
                "CALLRECORDS_WEBHOOKS_MAX_IN_FLIGHT_PER_SUBSCRIPTION", "2");
        int calls = 30;
        List<UUID> uuids = new ArrayList<>();
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            receiver.answer(r -> WebhookReceiver.Reply.hang(100));
            AppProcess app = AppProcess.launch(dataDir, env);
            try {
                app.awaitReady(Duration.ofSeconds(120));
                Api api = app.api();
                String key = api.post("/admin/accounts", OPERATOR, "{\"name\": \"crash\"}").data().path("api_key").asString();
                assertThat(api.post("/api/v3/webhooks", key, "{\"url\": \"" + receiver.url("/") + "\", \"events\":"
                        + " [\"call_init\", \"call_bridged\", \"call_hangup\"]}").status()).isEqualTo(201);
                Instant start = Instant.parse("2026-06-01T08:00:00Z");
                for (int i = 0; i < calls; i++) {
                    UUID call = UUID.randomUUID();
                    uuids.add(call);
                    assertThat(api.post("/api/v3/call-events", key, CallEvents.answeredCall(call, start.plusSeconds(i * 300L)))
                            .status()).isEqualTo(202);
                }
                WebhookTestSupport.await(Duration.ofSeconds(30), "deliveries under way", () -> receiver.received.size() >= 15);
            } finally {
                app.kill();
            }
            int beforeRestart = receiver.ids().size();
            assertThat(beforeRestart).as("killed mid-delivery").isLessThan(calls * 3);

            try (AppProcess restarted = AppProcess.launch(dataDir, env)) {
                restarted.awaitReady(Duration.ofSeconds(120));
                WebhookTestSupport.await(Duration.ofSeconds(60), "every event after the restart",
                        () -> receiver.ids().size() == calls * 3);
            }
            Map<String, List<String>> byCall = receiver.eventsByCall();
            for (UUID call : uuids) {
                assertThat(byCall.get(call.toString())).containsExactly("call_init", "call_bridged", "call_hangup");
            }
        }
    }
}
