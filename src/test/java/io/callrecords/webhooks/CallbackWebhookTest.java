package io.callrecords.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import io.callrecords.calls.FlowJson;
import io.callrecords.support.Api;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A callback link that moves (call-records.md §3.10) reaches subscribers: the missed call's record changed, so it
 * goes out as {@code call_updated} with the new link. The returning calls' records hold no link and do not change.
 */
class CallbackWebhookTest extends WebhookTestSupport {

    @Test
    void aLinkThatMovesToAnEarlierCallbackIsACallUpdatedOfTheMissedCall() {
        String key = newAccount("callback-webhooks");
        String number = "+905321230001";
        FlowJson missed = FlowJson.call("2026-05-04T10:00:00Z").inbound(number).at(20_500).hangup("contact");
        FlowJson earlier = FlowJson.call("2026-05-04T11:00:00Z").outbound(41, number).at(3_000).answer("contact", 0)
                .at(50_000).hangup("user");
        FlowJson later = FlowJson.call("2026-05-04T12:00:00Z").outbound(42, number).at(3_000).answer("contact", 0)
                .at(50_000).hangup("user");
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            long subscription = subscribe(key, receiver.url("/"), "[\"call_updated\"]").path("id").asLong();
            send(key, missed);
            send(key, later);
            assertThat(updates(key, subscription)).as("linked to the later call").isEqualTo(Map.of(missed.uuid(), 1L));
            send(key, earlier); // the earlier callback arrives last and takes the link

            // Deliveries are written in the transaction that changed the records: the log is complete at once.
            assertThat(updates(key, subscription)).isEqualTo(Map.of(missed.uuid(), 2L));
            await(Duration.ofSeconds(10), "two call_updated of the missed call",
                    () -> receiver.eventsByCall().getOrDefault(missed.uuid().toString(), List.of()).size() == 2);
            List<WebhookReceiver.Received> got = List.copyOf(receiver.unique().values());
            JsonNode last = Api.JSON.readTree(got.getLast().body());
            assertThat(last.path("event").asString()).isEqualTo("call_updated");
            assertThat(last.path("data").path("callback_cdr_uuid").asString()).isEqualTo(earlier.uuid().toString());
            assertThat(last.path("data").path("callback_user_id").asInt()).isEqualTo(41);
            assertThat(last.path("data")).isEqualTo(api.get("/api/v3/calls/" + missed.uuid(), key).data());
        }
    }

    private void send(String key, FlowJson call) {
        Api.Response sent = api.post("/api/v3/call-events", key, call.array());
        assertThat(sent.status()).as(sent.raw().body()).isEqualTo(202);
    }

    /** How many call_updated deliveries the subscription's log holds, by call. */
    private Map<UUID, Long> updates(String key, long subscription) {
        JsonNode log = api.get("/api/v3/webhooks/" + subscription + "/deliveries?limit=100", key).data();
        return StreamSupport.stream(log.spliterator(), false)
                .filter(d -> d.path("event").asString().equals("call_updated"))
                .collect(Collectors.groupingBy(d -> UUID.fromString(d.path("call_uuid").asString()),
                        Collectors.counting()));
    }
}
