package io.callrecords.calls;

import static org.assertj.core.api.Assertions.assertThat;

import io.callrecords.support.Api;
import io.callrecords.support.AppTestSupport;
import java.net.http.HttpRequest;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CallImportTest extends AppTestSupport {

    private static final String MISSED = """
            {"uuid": "11111111-2222-4333-8444-555555555555", "direction": "inbound", "number_id": 717,
             "channel_type": "number", "channel_id": 717, "caller_number": "+905321234567",
             "callee_number": "+908502010000", "caller_type": "contact", "caller_id": null, "callee_type": "team",
             "callee_id": 5, "user_id": null, "contact_id": null, "company_id": null, "related_type": null,
             "related_id": null, "started_at": "2022-07-07T20:40:39+0000", "answered_at": null, "bridged_at": null,
             "ended_at": "2022-07-07T20:41:19Z", "team_touch_at": "2022-07-07T20:40:40Z", "first_touch_duration": 0,
             "call_duration": 40, "missing_call": true, "missing_call_reason": "abandoned", "hangup_by": "contact",
             "record_url": "https://elsewhere.example/expired.mp3", "voicemail_url": null, "voicemail_id": null,
             "voicemail_type": null, "callback_user_id": null, "callback_time": null, "callback_cdr_uuid": null,
             "call_flow": [{"action": "hangup", "detail": {"hangup_by": "contact"}, "timestamp": 1657226479}]}""";

    @Autowired
    JdbcClient jdbc;

    private String key;

    @BeforeAll
    void account() {
        key = newAccount("import");
    }

    @Test
    void importedRecordsAreServedAndReplacedNotDuplicated() {
        Api.Response first = api.post("/api/v3/calls/import", key, "[" + MISSED + "]");
        assertThat(first.status()).as(first.raw().body()).isEqualTo(200);
        assertThat(first.data().toString()).contains("\"imported\":1").contains("\"updated\":0");

        JsonNode r = api.get("/api/v3/calls/11111111-2222-4333-8444-555555555555", key).data();
        assertThat(r.path("started_at").asString()).isEqualTo("2022-07-07T20:40:39Z");
        assertThat(r.path("missing_call_reason").asString()).isEqualTo("abandoned");
        assertThat(r.path("team_touch_at").asString()).isEqualTo("2022-07-07T20:40:40Z");
        assertThat(r.path("record_url").isNull()).as("another system's URL is not served").isTrue();
        assertThat(r.path("call_flow").get(0).path("timestamp").asLong()).isEqualTo(1657226479);

        String changed = MISSED.replace("\"hangup_by\": \"contact\",", "\"hangup_by\": \"system\",");
        Api.Response again = api.send(api.request("/api/v3/calls/import", key).header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(changed.replace("\n", " ") + "\n")));
        assertThat(again.data().toString()).contains("\"imported\":0").contains("\"updated\":1");
        assertThat(api.get("/api/v3/calls/11111111-2222-4333-8444-555555555555", key).data().path("hangup_by").asString())
                .isEqualTo("system");
        assertThat(jdbc.sql("SELECT count(*) FROM call_records WHERE uuid = '11111111-2222-4333-8444-555555555555'")
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void creditedAndHipcallsCallFlowAreKeptAsSent() {
        String credited = MISSED.replace("11111111-2222-4333-8444-555555555555", "11111111-2222-4333-8444-666666666666")
                .replace("\"callback_cdr_uuid\": null,", "\"callback_cdr_uuid\": null, \"credited\": true,")
                .replace("[{\"action\": \"hangup\", \"detail\": {\"hangup_by\": \"contact\"}, \"timestamp\": 1657226479}]",
                        "[{\"action\": \"hangup\", \"detail\": {\"hangup_by\": \"contact\"}, \"timestamp\": 1657226479},"
                                + " {\"action\": \"bridge_fail\", \"detail\": {\"id\": 3508, \"type\": \"user\", \"result\": 17},"
                                + " \"timestamp\": 1657226470},"
                                + " {\"action\": \"init\", \"detail\": {\"id\": null, \"type\": \"contact\"}, \"timestamp\": 1657226439}]");
        String notCredited = MISSED.replace("11111111-2222-4333-8444-555555555555", "11111111-2222-4333-8444-777777777777")
                .replace("\"callback_cdr_uuid\": null,", "\"callback_cdr_uuid\": null, \"credited\": false,");
        String without = MISSED.replace("11111111-2222-4333-8444-555555555555", "11111111-2222-4333-8444-888888888888");
        Api.Response imported = api.post("/api/v3/calls/import", key,
                "[" + credited + ", " + notCredited + ", " + without + "]");
        assertThat(imported.status()).as(imported.raw().body()).isEqualTo(200);

        JsonNode r = api.get("/api/v3/calls/11111111-2222-4333-8444-666666666666", key).data();
        assertThat(r.path("credited").isBoolean()).isTrue();
        assertThat(r.path("credited").asBoolean()).isTrue();
        assertThat(r.path("call_flow").toString()).isEqualTo("[{\"action\":\"hangup\",\"detail\":{\"hangup_by\":\"contact\"},"
                + "\"timestamp\":1657226479},{\"action\":\"bridge_fail\",\"detail\":{\"id\":3508,\"type\":\"user\","
                + "\"result\":17},\"timestamp\":1657226470},{\"action\":\"init\",\"detail\":{\"id\":null,"
                + "\"type\":\"contact\"},\"timestamp\":1657226439}]");
        assertThat(api.get("/api/v3/calls/11111111-2222-4333-8444-777777777777", key).data().path("credited").asBoolean(true))
                .isFalse();
        assertThat(api.get("/api/v3/calls/11111111-2222-4333-8444-888888888888", key).data().path("credited").isNull())
                .as("a record that came without it").isTrue();
        String export = api.get("/api/v3/calls/export?format=ndjson&started_at%5Blt%5D=2022-07-08", key).raw().body();
        assertThat(export).contains("\"uuid\":\"11111111-2222-4333-8444-666666666666\"")
                .contains("\"callback_cdr_uuid\":null,\"credited\":true,");
    }

    @Test
    void anImportedMissedCallIsLinkedByALiveCallback() {
        String missed = MISSED.replace("11111111-2222-4333-8444-555555555555", "21111111-2222-4333-8444-555555555555")
                .replace("+905321234567", "+905329999999");
        api.post("/api/v3/calls/import", key, missed);
        FlowJson callback = FlowJson.call("2022-07-08T09:00:00Z").outbound(8, "+905329999999").at(30_000).hangup("user");
        api.post("/api/v3/call-events", key, callback.array());
        JsonNode r = api.get("/api/v3/calls/21111111-2222-4333-8444-555555555555", key).data();
        assertThat(r.path("callback_cdr_uuid").asString()).isEqualTo(callback.uuid().toString());
        assertThat(r.path("callback_user_id").asInt()).isEqualTo(8);
    }

    @Test
    void theCallbackLinksOfImportedRecordsAreKept() {
        String returnedBy = "fcc10162-820f-4ade-a83c-409f754ec06e";
        String linked = MISSED.replace("11111111-2222-4333-8444-555555555555", "51111111-2222-4333-8444-555555555555")
                .replace("\"callback_user_id\": null, \"callback_time\": null, \"callback_cdr_uuid\": null",
                        "\"callback_user_id\": 42, \"callback_time\": 1260, \"callback_cdr_uuid\": \"" + returnedBy + "\"");
        String unlinked = MISSED.replace("11111111-2222-4333-8444-555555555555", "61111111-2222-4333-8444-555555555555")
                .replace("+905321234567", "+905328888888");
        assertThat(api.post("/api/v3/calls/import", key, "[" + linked + "," + unlinked + "]").status()).isEqualTo(200);
        JsonNode r = api.get("/api/v3/calls/51111111-2222-4333-8444-555555555555", key).data();
        assertThat(r.path("callback_cdr_uuid").asString()).isEqualTo(returnedBy);
        assertThat(r.path("callback_user_id").asInt()).isEqualTo(42);
        assertThat(r.path("callback_time").asInt()).isEqualTo(1260);
        assertThat(api.get("/api/v3/calls/61111111-2222-4333-8444-555555555555", key).data()
                .path("callback_cdr_uuid").isNull()).isTrue();
    }

    /** An outbound call of user 8 to {@code number} at {@code startedAt}, as another system exported it. */
    private static String importedCallback(String uuid, String number, String startedAt, String endedAt) {
        return """
                {"uuid": "%s", "direction": "outbound", "number_id": 717, "channel_type": "number", "channel_id": 717,
                 "caller_number": "101", "callee_number": "%s", "caller_type": "user", "caller_id": 8,
                 "callee_type": "contact", "callee_id": null, "user_id": 8, "contact_id": null, "company_id": null,
                 "related_type": null, "related_id": null, "started_at": "%s", "answered_at": null, "bridged_at": null,
                 "ended_at": "%s", "team_touch_at": null, "first_touch_duration": 0, "call_duration": 30,
                 "missing_call": false, "missing_call_reason": null, "hangup_by": "user", "record_url": null,
                 "voicemail_url": null, "voicemail_id": null, "voicemail_type": null, "callback_user_id": null,
                 "callback_time": null, "callback_cdr_uuid": null, "call_flow": []}""".formatted(uuid, number, startedAt, endedAt);
    }

    @Test
    void anImportedCallbackThatIsTheFirstAfterAMissedCallTakesItsLink() {
        String number = "+905327777777";
        FlowJson missed = FlowJson.call("2022-07-09T10:00:00Z").inbound(number).at(20_500).hangup("contact");
        FlowJson later = FlowJson.call("2022-07-09T12:00:00Z").outbound(42, number).at(30_000).hangup("user");
        api.post("/api/v3/call-events", key, missed.array());
        api.post("/api/v3/call-events", key, later.array());
        assertThat(api.get("/api/v3/calls/" + missed.uuid(), key).data().path("callback_cdr_uuid").asString())
                .isEqualTo(later.uuid().toString());

        String earlier = "71111111-2222-4333-8444-555555555555";
        Api.Response imported = api.post("/api/v3/calls/import", key,
                importedCallback(earlier, number, "2022-07-09T11:00:00Z", "2022-07-09T11:00:30Z"));
        assertThat(imported.status()).as(imported.raw().body()).isEqualTo(200);
        JsonNode r = api.get("/api/v3/calls/" + missed.uuid(), key).data();
        assertThat(r.path("callback_cdr_uuid").asString()).isEqualTo(earlier);
        assertThat(r.path("callback_user_id").asInt()).isEqualTo(8);
        assertThat(r.path("callback_time").asInt()).isEqualTo(3579);
    }

    @Test
    void aLinkThatCameWithAnImportedRecordStaysWhenAnEarlierCallbackArrives() {
        String returnedBy = "fcc10162-820f-4ade-a83c-409f754ec06e";
        String linked = MISSED.replace("11111111-2222-4333-8444-555555555555", "81111111-2222-4333-8444-555555555555")
                .replace("+905321234567", "+905326666666")
                .replace("\"callback_user_id\": null, \"callback_time\": null, \"callback_cdr_uuid\": null",
                        "\"callback_user_id\": 42, \"callback_time\": 1260, \"callback_cdr_uuid\": \"" + returnedBy + "\"");
        assertThat(api.post("/api/v3/calls/import", key, linked).status()).isEqualTo(200);
        // Ended 20:41:19; a call one minute later, live and imported: the other system's link stands.
        FlowJson live = FlowJson.call("2022-07-07T20:42:19Z").outbound(9, "+905326666666").at(30_000).hangup("user");
        api.post("/api/v3/call-events", key, live.array());
        api.post("/api/v3/calls/import", key, importedCallback("91111111-2222-4333-8444-555555555555", "+905326666666",
                "2022-07-07T20:41:30Z", "2022-07-07T20:42:00Z"));
        JsonNode r = api.get("/api/v3/calls/81111111-2222-4333-8444-555555555555", key).data();
        assertThat(r.path("callback_cdr_uuid").asString()).isEqualTo(returnedBy);
        assertThat(r.path("callback_user_id").asInt()).isEqualTo(42);
        assertThat(r.path("callback_time").asInt()).isEqualTo(1260);
    }

    @Test
    void eventsForAnImportedMissedCallDeriveItAndItsLinkAgain() {
        String uuid = "a1111111-2222-4333-8444-555555555555";
        String linked = MISSED.replace("11111111-2222-4333-8444-555555555555", uuid)
                .replace("+905321234567", "+905325555555")
                .replace("\"callback_user_id\": null, \"callback_time\": null, \"callback_cdr_uuid\": null",
                        "\"callback_user_id\": 42, \"callback_time\": 1260, \"callback_cdr_uuid\": \"fcc10162-820f-4ade-a83c-409f754ec06e\"");
        assertThat(api.post("/api/v3/calls/import", key, linked).status()).isEqualTo(200);

        FlowJson events = FlowJson.call(UUID.fromString(uuid), "2022-07-10T10:00:00Z").inbound("+905325555555");
        Api.Response init = api.post("/api/v3/call-events", key, events.array());
        assertThat(init.status()).as(init.raw().body()).isEqualTo(202);
        assertThat(api.get("/api/v3/calls/" + uuid, key).data().path("callback_cdr_uuid").isNull())
                .as("in progress: not missing, so no one's to return").isTrue();

        api.post("/api/v3/call-events", key, events.at(20_500).hangup("contact").events().getLast());
        FlowJson callback = FlowJson.call("2022-07-10T10:30:00Z").outbound(8, "+905325555555").at(30_000).hangup("user");
        api.post("/api/v3/call-events", key, callback.array());
        assertThat(api.get("/api/v3/calls/" + uuid, key).data().path("callback_cdr_uuid").asString())
                .as("derived from its events now, its link is derived too").isEqualTo(callback.uuid().toString());
    }

    @Test
    void badRecordsAreNamedAndNothingIsImported() {
        String bad = MISSED.replace("11111111-2222-4333-8444-555555555555", "31111111-2222-4333-8444-555555555555")
                .replace("\"direction\": \"inbound\"", "\"direction\": 1")
                .replace("\"started_at\": \"2022-07-07T20:40:39+0000\"", "\"started_at\": \"2022-07-07T20:42:39Z\"")
                .replace("\"timestamp\": 1657226479", "\"timestamp\": \"soon\"");
        String good = MISSED.replace("11111111-2222-4333-8444-555555555555", "41111111-2222-4333-8444-555555555555");
        Api.Response response = api.post("/api/v3/calls/import", key, "[" + good + "," + bad + "]");
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.body().path("errors").propertyNames())
                .containsExactlyInAnyOrder("records[1].direction", "records[1].ended_at", "records[1].call_flow");
        assertThat(api.get("/api/v3/calls/41111111-2222-4333-8444-555555555555", key).status()).isEqualTo(404);
    }
}
