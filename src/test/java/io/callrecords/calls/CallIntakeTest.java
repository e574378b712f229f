package io.callrecords.calls;

import static org.assertj.core.api.Assertions.assertThat;

import io.callrecords.support.Api;
import io.callrecords.support.AppTestSupport;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Import(RecordedCallEvents.class)
class CallIntakeTest extends AppTestSupport {

    @Autowired
    RecordedCallEvents published;

    private String key;

    @BeforeAll
    void account() {
        key = newAccount("intake");
    }

    /** An inbound call through the IVR to team 5, ringing user 42 who answers after 12.7 s. */
    private static FlowJson answeredCall() {
        return FlowJson.call("2026-03-26T09:31:32.250Z").inbound("+905321234567")
                .at(400).answer("greeting", 1)
                .at(6_000).event("route", "{\"type\": \"team\", \"id\": 5}")
                .at(6_100).event("bridge_attempt", "{\"type\": \"user\", \"id\": 42}")
                .at(12_700).bridge(42)
                .at(95_900).hangup("contact");
    }

    @Test
    void aCallsEventsBecomeItsRecord() {
        FlowJson call = answeredCall();
        Api.Response accepted = api.post("/api/v3/call-events", key, call.array());
        assertThat(accepted.status()).isEqualTo(202);
        assertThat(accepted.data().path("accepted").asInt()).isEqualTo(6);

        Api.Response response = api.get("/api/v3/calls/" + call.uuid(), key);
        assertThat(response.status()).isEqualTo(200);
        JsonNode r = response.data();
        assertThat(r.propertyNames()).containsExactly("uuid", "direction", "number_id", "channel_type", "channel_id",
                "caller_number", "callee_number", "caller_type", "caller_id", "callee_type", "callee_id", "user_id",
                "contact_id", "company_id", "related_type", "related_id", "started_at", "answered_at", "bridged_at",
                "ended_at", "team_touch_at", "first_touch_duration", "call_duration", "missing_call",
                "missing_call_reason", "hangup_by", "record_url", "voicemail_url", "voicemail_id", "voicemail_type",
                "callback_user_id", "callback_time", "callback_cdr_uuid", "credited", "updated_at", "call_flow");
        assertThat(r.path("direction").asString()).isEqualTo("inbound");
        assertThat(r.path("started_at").asString()).isEqualTo("2026-03-26T09:31:32Z");
        assertThat(r.path("answered_at").asString()).isEqualTo("2026-03-26T09:31:32Z");
        assertThat(r.path("bridged_at").asString()).isEqualTo("2026-03-26T09:31:44Z");
        assertThat(r.path("ended_at").asString()).isEqualTo("2026-03-26T09:33:08Z");
        assertThat(r.path("team_touch_at").asString()).isEqualTo("2026-03-26T09:31:38Z");
        assertThat(r.path("first_touch_duration").asInt()).isEqualTo(12);
        assertThat(r.path("call_duration").asInt()).isEqualTo(95);
        assertThat(r.path("user_id").asInt()).isEqualTo(42);
        assertThat(r.path("missing_call").asBoolean()).isFalse();
        assertThat(r.path("missing_call_reason").isNull()).isTrue();
        assertThat(r.path("hangup_by").asString()).isEqualTo("contact");
        assertThat(r.path("callee_type").asString()).isEqualTo("greeting");
        assertThat(r.path("number_id").asInt()).isEqualTo(717);
        assertThat(r.path("call_flow").size()).isEqualTo(6);
        assertThat(r.path("call_flow").get(0).path("action").asString()).isEqualTo("hangup");
        // Hipcall's init entry: where the call was first sent; caller, numbers and channel are the record's fields
        assertThat(r.path("call_flow").get(5).toString())
                .isEqualTo("{\"action\":\"init\",\"detail\":{\"id\":1,\"type\":\"greeting\"},\"timestamp\":1774517492}");
        assertThat(r.path("call_flow").get(1).toString())
                .isEqualTo("{\"action\":\"bridge\",\"detail\":{\"id\":42,\"type\":\"user\"},\"timestamp\":1774517504}");
        assertThat(r.path("credited").isBoolean()).isTrue();
        assertThat(r.path("credited").asBoolean()).isFalse();
        assertThat(r.path("updated_at").asString()).endsWith("Z");
        assertThat(published.of(call.uuid())).containsExactly("CallStarted", "CallConnected", "CallEnded");

        assertThat(api.get("/api/v3/calls/2026/03/26/" + call.uuid(), key).data()).isEqualTo(r);
        assertThat(api.get("/api/v3/calls/" + call.uuid() + "?date=2026-03-26", key).data()).isEqualTo(r);
        // PHP's one-argument calls->get($id) sends date= blank: absent, as in the list
        assertThat(api.get("/api/v3/calls/" + call.uuid() + "?date=", key).data()).isEqualTo(r);
        assertThat(api.get("/api/v3/calls/" + call.uuid() + "?date=%20", key).data()).isEqualTo(r);
    }

    @Test
    void anyArrivalOrderAndAnySplitGiveTheSameRecord() {
        FlowJson reference = answeredCall();
        api.post("/api/v3/call-events", key, reference.array());
        JsonNode expected = withoutVolatile(api.get("/api/v3/calls/" + reference.uuid(), key).data());

        Random random = new Random(7);
        for (int round = 0; round < 5; round++) {
            FlowJson call = answeredCall();
            List<String> events = new ArrayList<>(call.events());
            Collections.shuffle(events, random);
            for (String event : events) {
                assertThat(api.post("/api/v3/call-events", key, event).status()).isEqualTo(202);
            }
            api.post("/api/v3/call-events", key, FlowJson.array(events)); // all again: duplicates only
            JsonNode actual = withoutVolatile(api.get("/api/v3/calls/" + call.uuid(), key).data());
            assertThat(actual).isEqualTo(expected);
        }
    }

    @Test
    void eventsOfOneCallInParallelRequestsYieldTheRightRecord() throws Exception {
        FlowJson reference = answeredCall();
        api.post("/api/v3/call-events", key, reference.array());
        JsonNode expected = withoutVolatile(api.get("/api/v3/calls/" + reference.uuid(), key).data());
        try (ExecutorService pool = Executors.newFixedThreadPool(6)) {
            for (int round = 0; round < 10; round++) {
                FlowJson call = answeredCall();
                List<Callable<Integer>> posts = call.events().stream()
                        .map(e -> (Callable<Integer>) () -> api.post("/api/v3/call-events", key, e).status()).toList();
                for (Future<Integer> status : pool.invokeAll(posts)) {
                    assertThat(status.get()).isEqualTo(202);
                }
                assertThat(withoutVolatile(api.get("/api/v3/calls/" + call.uuid(), key).data())).isEqualTo(expected);
                assertThat(published.of(call.uuid())).containsOnlyOnce("CallStarted", "CallEnded");
            }
        }
    }

    /** Single-event requests in parallel are written in shared transactions; each still gets its own counts. */
    @Test
    void oneEventPostedByManyParallelRequestsIsAcceptedOnceAndEachAnswerSaysWhichItWas() throws Exception {
        FlowJson call = answeredCall();
        List<Callable<String>> posts = new ArrayList<>();
        for (int copy = 0; copy < 8; copy++) {
            for (String event : call.events()) {
                posts.add(() -> api.post("/api/v3/call-events", key, event).data().toString());
            }
        }
        Collections.shuffle(posts, new Random(7));
        List<String> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
            for (Future<String> answer : pool.invokeAll(posts)) {
                answers.add(answer.get());
            }
        }
        int events = call.events().size();
        assertThat(answers.stream().filter("{\"accepted\":1,\"duplicates\":0}"::equals)).hasSize(events);
        assertThat(answers.stream().filter("{\"accepted\":0,\"duplicates\":1}"::equals)).hasSize(7 * events);
        assertThat(published.of(call.uuid())).containsOnlyOnce("CallStarted", "CallEnded");
        assertThat(api.get("/api/v3/calls/" + call.uuid(), key).data().get("call_duration").asInt()).isEqualTo(95);
    }

    @Test
    void aCallWithoutInitIsKeptAndShownOnceInitArrives() {
        FlowJson call = answeredCall();
        List<String> events = call.events();
        api.post("/api/v3/call-events", key, FlowJson.array(events.subList(1, events.size())));
        assertThat(api.get("/api/v3/calls/" + call.uuid(), key).status()).isEqualTo(404);
        api.post("/api/v3/call-events", key, events.getFirst());
        Api.Response shown = api.get("/api/v3/calls/" + call.uuid(), key);
        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.data().path("call_duration").asInt()).isEqualTo(95);
    }

    @Test
    void aLateEventAfterHangupIsACallUpdate() {
        FlowJson call = FlowJson.call("2026-03-26T10:00:00Z").inbound("+905321234567").at(30_000).hangup("contact");
        api.post("/api/v3/call-events", key, call.array());
        String before = api.get("/api/v3/calls/" + call.uuid(), key).data().path("missing_call_reason").asString();
        assertThat(before).isEqualTo("abandoned");
        api.post("/api/v3/call-events", key, call.at(20_000).event("voicemail", "{\"type\": \"user\", \"id\": 9}").events().getLast());
        JsonNode after = api.get("/api/v3/calls/" + call.uuid(), key).data();
        assertThat(after.path("voicemail_id").asInt()).isEqualTo(9);
        assertThat(after.path("voicemail_type").asString()).isEqualTo("user");
        assertThat(published.of(call.uuid())).containsExactly("CallStarted", "CallEnded", "CallUpdated:LATE_EVENT");
    }

    @Test
    void nationalNumbersAreNormalisedWithTheDefaultRegion() {
        api.patch("/api/v3/account/settings", key, "{\"default_region\": \"TR\"}");
        FlowJson call = FlowJson.call("2026-03-26T11:00:00Z").inbound("0532 123 45 67").at(2_000).hangup("contact");
        assertThat(api.post("/api/v3/call-events", key, call.array()).status()).isEqualTo(202);
        JsonNode r = api.get("/api/v3/calls/" + call.uuid(), key).data();
        assertThat(r.path("caller_number").asString()).isEqualTo("+905321234567");
        assertThat(r.path("missing_call_reason").asString()).isEqualTo("short_abandoned");
        api.patch("/api/v3/account/settings", key, "{\"default_region\": null}");
    }

    @Test
    void unknownAndOtherAccountsCallsAre404AndBadIds422() {
        FlowJson call = answeredCall();
        api.post("/api/v3/call-events", key, call.array());
        String other = newAccount("intake-other");
        assertThat(api.get("/api/v3/calls/" + call.uuid(), other).status()).isEqualTo(404);
        assertThat(api.get("/api/v3/calls/" + java.util.UUID.randomUUID(), key).raw().body())
                .isEqualTo("{\"errors\":{\"detail\":\"Not Found\"}}");
        assertThat(api.get("/api/v3/calls/not-a-uuid", key).status()).isEqualTo(422);
        assertThat(api.get("/api/v3/calls/2026/02/30/" + call.uuid(), key).status()).isEqualTo(422);
        assertThat(api.get("/api/v3/calls/" + call.uuid() + "?date=yesterday", key).status()).isEqualTo(422);
    }

    @Test
    void oneRequestTouchesAtMost5000Calls() {
        StringBuilder ndjson = new StringBuilder();
        for (int i = 0; i <= 5_000; i++) {
            ndjson.append("{\"id\": \"many-").append(i).append("\", \"call_uuid\": \"").append(java.util.UUID.randomUUID())
                    .append("\", \"action\": \"hangup\", \"at\": \"2026-03-26T10:00:00Z\", \"detail\": {\"hangup_by\": \"user\"}}\n");
        }
        Api.Response response = api.send(api.request("/api/v3/call-events", key).header("Content-Type", "application/x-ndjson")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(ndjson.toString())));
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.body().path("errors").path("events").get(0).asString())
                .isEqualTo("touch 5001 calls; one request may touch at most 5000: split the batch");
    }

    private static JsonNode withoutVolatile(JsonNode record) {
        ObjectNode copy = (ObjectNode) record.deepCopy();
        copy.remove("uuid");
        copy.remove("updated_at");
        return copy;
    }
}
