package io.callrecords.sources.asterisk;

import static org.assertj.core.api.Assertions.assertThat;

import io.callrecords.people.DirectoryRefs;
import io.callrecords.people.EntryKind;
import io.callrecords.shared.CsvReader;
import io.callrecords.sources.CallUuids;
import io.callrecords.sources.SourceKind;
import io.callrecords.support.Api;
import io.callrecords.support.AppTestSupport;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every scenario family of issue 19 (our own anonymised CEL sequences under src/test/resources/sources/asterisk),
 * sent through the endpoints as AMI-named JSON, as cel_custom CSV, and shuffled in small batches (so groups of
 * linkedids join after their documents were stored): each gives the record call-records.md expects.
 */
class AsteriskSourceTest extends AppTestSupport {

    static final List<String> SCENARIOS = List.of("incoming-answered", "incoming-unanswered", "outgoing", "internal",
            "busy-then-forward", "ring-group-ring-all", "ring-group-linear", "queue-answered", "queue-abandon",
            "holding-then-queue", "blind-transfer", "attended-transfer", "pickup", "voicemail-direct",
            "voicemail-after-no-answer", "blocked", "early-hangup");

    /** cel table column → AMI's Event: CEL field name. */
    static final Map<String, String> AMI = Map.ofEntries(Map.entry("eventtype", "EventName"),
            Map.entry("eventtime", "EventTime"), Map.entry("cid_name", "CallerIDname"),
            Map.entry("cid_num", "CallerIDnum"), Map.entry("cid_dnid", "CallerIDdnid"), Map.entry("exten", "Exten"),
            Map.entry("context", "Context"), Map.entry("channame", "Channel"), Map.entry("appname", "Application"),
            Map.entry("appdata", "AppData"), Map.entry("uniqueid", "UniqueID"), Map.entry("linkedid", "LinkedID"),
            Map.entry("peer", "Peer"), Map.entry("extra", "Extra"));

    @Autowired DirectoryRefs refs;
    @Autowired JdbcClient jdbc;

    static String resource(String name) {
        try (InputStream in = AsteriskSourceTest.class.getResourceAsStream("/sources/asterisk/" + name)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The fixture's rows as AMI-named JSON objects, in the PBX's order. */
    static List<ObjectNode> amiEvents(String scenario) {
        List<List<String>> rows = CsvReader.records(resource(scenario + ".csv"));
        List<String> header = rows.getFirst();
        List<ObjectNode> events = new ArrayList<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            if (row.size() != header.size()) {
                continue;
            }
            ObjectNode o = Api.JSON.createObjectNode();
            for (int i = 0; i < header.size(); i++) {
                o.put(AMI.get(header.get(i)), row.get(i));
            }
            events.add(o);
        }
        return events;
    }

    private Api.Response postText(String path, String key, String type, String body) {
        return api.send(api.request(path, key).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private long account(String name) {
        return jdbc.sql("SELECT id FROM accounts WHERE name = :n").param("n", name).query(Long.class).single();
    }

    @Test
    void everyScenarioGivesItsRecordAsJsonAsCsvAndShuffled() {
        String jsonKey = newKey(newAccount("asterisk-json"), "[\"write\", \"read\"]")[1];
        String csvKey = newKey(newAccount("asterisk-csv"), "[\"write\", \"read\"]")[1];
        String shuffledKey = newKey(newAccount("asterisk-shuffled"), "[\"write\", \"read\"]")[1];
        Random random = new Random(19);
        for (String scenario : SCENARIOS) {
            String queueLog = resource(scenario + ".queue_log");
            // As JSON, queue_log first (it names a channel CEL has not shown yet).
            if (queueLog != null) {
                assertThat(postText("/api/v3/sources/asterisk/queue-log", jsonKey, "text/plain", queueLog).status())
                        .isEqualTo(200);
            }
            ArrayNode all = Api.JSON.createArrayNode();
            amiEvents(scenario).forEach(all::add);
            Api.Response json = api.post("/api/v3/sources/asterisk/cel", jsonKey, all.toString());
            assertThat(json.status()).as(scenario + " " + json.raw().body()).isEqualTo(200);
            // As CSV in cel_custom's layout with the table's column names, queue_log after.
            Api.Response csv = postText("/api/v3/sources/asterisk/cel", csvKey, "text/csv",
                    resource(scenario + ".csv"));
            assertThat(csv.status()).as(scenario + " " + csv.raw().body()).isEqualTo(200);
            if (queueLog != null) {
                assertThat(postText("/api/v3/sources/asterisk/queue-log", csvKey, "text/plain", queueLog).status())
                        .isEqualTo(200);
            }
            // Shuffled, three events a request, one of them sent twice.
            List<ObjectNode> shuffled = new ArrayList<>(amiEvents(scenario));
            shuffled.add(shuffled.get(random.nextInt(shuffled.size())));
            Collections.shuffle(shuffled, random);
            for (int i = 0; i < shuffled.size(); i += 3) {
                ArrayNode batch = Api.JSON.createArrayNode();
                shuffled.subList(i, Math.min(shuffled.size(), i + 3)).forEach(batch::add);
                Api.Response r = api.post("/api/v3/sources/asterisk/cel", shuffledKey, batch.toString());
                assertThat(r.status()).as(scenario + " " + r.raw().body()).isEqualTo(200);
                if (queueLog != null && i == 3) {
                    postText("/api/v3/sources/asterisk/queue-log", shuffledKey, "text/plain", queueLog);
                }
            }
        }
        List<String> wrong = new ArrayList<>();
        for (String scenario : SCENARIOS) {
            JsonNode expected = Api.JSON.readTree(resource(scenario + ".expected.json"));
            for (String[] replay : new String[][] {{"asterisk-json", jsonKey}, {"asterisk-csv", csvKey},
                    {"asterisk-shuffled", shuffledKey}}) {
                try {
                    check(scenario, expected, account(replay[0]), replay[1]);
                } catch (AssertionError e) {
                    wrong.add(replay[0] + ": " + e.getMessage());
                }
            }
        }
        assertThat(wrong).as(String.join("\n\n", wrong)).isEmpty();
    }

    @Test
    void badInputIsNamedByLineAndFieldAndNothingOfTheBatchIsStored() {
        String admin = newAccount("asterisk-bad");
        String key = newKey(admin, "[\"write\"]")[1];
        String csv = resource("internal.csv");
        String[] lines = csv.split("\n");
        lines[2] = lines[2].replace("2026-12-01 09:03:00.100000", "yesterday");
        Api.Response badCsv = postText("/api/v3/sources/asterisk/cel", key, "text/csv", String.join("\n", lines));
        assertThat(badCsv.status()).isEqualTo(422);
        assertThat(badCsv.body().path("errors").path("line 3.eventtime").get(0).asString()).contains("not a time");

        ArrayNode events = Api.JSON.createArrayNode();
        amiEvents("internal").forEach(events::add);
        ((ObjectNode) events.get(1)).remove("LinkedID");
        Api.Response badJson = api.post("/api/v3/sources/asterisk/cel", key, events.toString());
        assertThat(badJson.status()).isEqualTo(422);
        assertThat(badJson.body().path("errors").path("events[1].LinkedID").get(0).asString()).isEqualTo("is missing");
        ((ObjectNode) events.get(1)).put("LinkedID", "1796116380.301");
        ((ObjectNode) events.get(2)).put("EventName", "RINGING");
        assertThat(api.post("/api/v3/sources/asterisk/cel", key, events.toString()).body().path("errors")
                .path("events[2].EventName").get(0).asString()).contains("not a CEL event name");

        Api.Response badLine = postText("/api/v3/sources/asterisk/queue-log", key, "text/plain",
                "1796116381|1796116380.301|400||ENTERQUEUE||+905321110001|1\nabc|1796116380.301|400|PJSIP/1001|CONNECT|3\n");
        assertThat(badLine.status()).isEqualTo(422);
        assertThat(badLine.body().path("errors").path("line 2.time").get(0).asString()).contains("not a time");
        Api.Response shortLine = postText("/api/v3/sources/asterisk/queue-log", key, "text/plain", "1796116381|x|400\n");
        assertThat(shortLine.body().path("errors").path("line 1.line").get(0).asString()).contains("3 fields");

        assertThat(jdbc.sql("SELECT count(*) FROM source_documents WHERE account_id = :a")
                .param("a", account("asterisk-bad")).query(Integer.class).single()).isZero();
        assertThat(postText("/api/v3/sources/asterisk/cel", newKey(admin, "[\"read\"]")[1], "text/csv", csv).status())
                .isEqualTo(403);
    }

    @Test
    void aGroupIsTranslatedOnlyOnceEveryLinkedidEndedAndADuplicateChangesNothing() {
        String key = newAccount("asterisk-groups");
        List<ObjectNode> events = amiEvents("pickup");
        ObjectNode last = events.removeLast();
        ArrayNode most = Api.JSON.createArrayNode();
        events.forEach(most::add);
        Api.Response first = api.post("/api/v3/sources/asterisk/cel", key, most.toString());
        assertThat(first.status()).isEqualTo(200);
        JsonNode expected = Api.JSON.readTree(resource("pickup.expected.json"));
        String callKey = expected.path("call_key").asString();
        assertThat(first.data().path("calls")).hasSize(1);
        assertThat(first.data().path("calls").get(0).path("call_key").asString()).isEqualTo(callKey);
        assertThat(first.data().path("calls").get(0).path("events").asInt()).isZero();
        UUID uuid = CallUuids.of(SourceKind.ASTERISK, callKey);
        assertThat(api.get("/api/v3/calls/" + uuid, key).status()).isEqualTo(404);
        // The picking phone's own linkedid was joined to the caller's: no call of its own.
        assertThat(jdbc.sql("SELECT count(*) FROM source_calls WHERE account_id = :a")
                .param("a", account("asterisk-groups")).query(Integer.class).single()).isEqualTo(1);

        Api.Response end = api.post("/api/v3/sources/asterisk/cel", key, "[" + last + "]");
        assertThat(end.data().path("calls").get(0).path("finished").asBoolean()).isTrue();
        assertThat(api.get("/api/v3/calls/" + uuid, key).data().path("user_id").asLong())
                .isEqualTo(refs.resolve(account("asterisk-groups"), EntryKind.USER, "asterisk", "1002", null));
        Api.Response again = api.post("/api/v3/sources/asterisk/cel", key, most.toString());
        assertThat(again.data().path("stored").asInt()).isZero();
        assertThat(again.data().path("duplicates").asInt()).isEqualTo(events.size());
    }

    @Test
    void thePhonesExtensionsAreListedOnceAndATrunkIsNot() {
        String key = newAccount("asterisk-extensions");
        long account = account("asterisk-extensions");
        assertThat(postText("/api/v3/sources/asterisk/cel", key, "text/csv", resource("internal.csv")).status())
                .isEqualTo(200);
        assertThat(postText("/api/v3/sources/asterisk/cel", key, "text/csv", resource("incoming-answered.csv"))
                .status()).isEqualTo(200);
        ArrayNode again = Api.JSON.createArrayNode();
        amiEvents("internal").forEach(again::add);
        assertThat(api.post("/api/v3/sources/asterisk/cel", key, again.toString()).data().path("duplicates").asInt())
                .isEqualTo(again.size());

        long u1001 = refs.resolve(account, EntryKind.USER, "asterisk", "1001", null);
        long u1002 = refs.resolve(account, EntryKind.USER, "asterisk", "1002", null);
        JsonNode extensions = api.get("/api/v3/extensions", key).body().path("data");
        assertThat(extensions.valueStream().map(e -> e.path("number").asString() + "->" + e.path("target_type")
                        .asString() + ":" + e.path("target_id").asLong() + " " + e.path("external_refs").toString())
                .sorted().toList()).containsExactly(
                "1001->user:" + u1001 + " [{\"source\":\"asterisk\",\"ref\":\"1001\"}]",
                "1002->user:" + u1002 + " [{\"source\":\"asterisk\",\"ref\":\"1002\"}]");
        assertThat(api.get("/api/v3/users/" + u1001, key).data().path("name").asString()).isEqualTo("Agent 1001");
    }

    @Test
    void theProfileHasFreePbxDefaultsAndAChangeIsUsedByTheTranslation() {
        String key = newAccount("asterisk-profile");
        Api.Response defaults = api.get("/api/v3/sources/asterisk", key);
        assertThat(defaults.status()).isEqualTo(200);
        assertThat(defaults.data().path("kind").asString()).isEqualTo("asterisk");
        assertThat(defaults.data().path("settings").path("inbound_contexts").toString())
                .isEqualTo("[\"from-trunk\",\"from-pstn\",\"from-did-direct\"]");
        assertThat(defaults.data().path("settings").path("raw_document_retention_days").asInt()).isEqualTo(30);
        assertThat(defaults.data().path("endpoint_url").asString()).endsWith("/api/v3/sources/asterisk/cel");

        Api.Response bad = api.send(api.request("/api/v3/sources/asterisk", key).header("Content-Type",
                "application/json").PUT(HttpRequest.BodyPublishers.ofString("{\"time_zone\": \"Mars/Olympus\"}")));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.body().path("errors").has("time_zone")).isTrue();

        // 1002 is declared a trunk, and the PBX writes Istanbul's local time.
        Api.Response put = api.send(api.request("/api/v3/sources/asterisk", key).header("Content-Type",
                "application/json").PUT(HttpRequest.BodyPublishers.ofString(
                "{\"trunk_channels\": [\"PJSIP/1002-*\"], \"time_zone\": \"Europe/Istanbul\"}")));
        assertThat(put.status()).as(put.raw().body()).isEqualTo(200);
        assertThat(api.get("/api/v3/sources/asterisk", key).data().path("settings").path("trunk_channels").toString())
                .isEqualTo("[\"PJSIP/1002-*\"]");
        assertThat(postText("/api/v3/sources/asterisk/cel", key, "text/csv", resource("internal.csv")).status())
                .isEqualTo(200);
        JsonNode expected = Api.JSON.readTree(resource("internal.expected.json"));
        JsonNode call = api.get("/api/v3/calls/" + CallUuids.of(SourceKind.ASTERISK,
                expected.path("call_key").asString()), key).data();
        assertThat(call.path("direction").asString()).isEqualTo("outbound");
        assertThat(call.path("started_at").asString())
                .isEqualTo(Instant.parse(expected.path("started").asString()).minusSeconds(3 * 3600).toString());
    }

    private void check(String scenario, JsonNode expected, long account, String key) {
        UUID uuid = CallUuids.of(SourceKind.ASTERISK, expected.path("call_key").asString());
        Api.Response got = api.get("/api/v3/calls/" + uuid, key);
        String as = scenario + " in account " + account + ": " + got.raw().body();
        assertThat(got.status()).as(as).isEqualTo(200);
        JsonNode r = got.data();
        for (String field : List.of("direction", "caller_number", "caller_type", "callee_number", "callee_type",
                "missing_call_reason", "hangup_by")) {
            assertThat(r.path(field).isNull() ? null : r.path(field).asString()).as(field + " of " + as)
                    .isEqualTo(expected.path(field).isNull() ? null : expected.path(field).asString());
        }
        assertThat(r.path("missing_call").asBoolean()).as("missing_call of " + as)
                .isEqualTo(expected.path("missing_call").asBoolean());
        assertThat(r.path("call_duration").asInt()).as("call_duration of " + as)
                .isEqualTo(expected.path("call_duration").asInt());
        assertThat(r.path("first_touch_duration").asInt()).as("first_touch_duration of " + as)
                .isEqualTo(expected.path("first_touch_duration").asInt());
        Instant started = Instant.parse(expected.path("started").asString());
        assertThat(r.path("started_at").asString()).as(as).isEqualTo(started.toString());
        if (expected.path("bridged_after").isNull()) {
            assertThat(r.path("bridged_at").isNull()).as("bridged_at of " + as).isTrue();
        } else {
            assertThat(r.path("bridged_at").asString()).as("bridged_at of " + as)
                    .isEqualTo(started.plusSeconds(expected.path("bridged_after").asLong()).toString());
        }
        assertThat(nullableLong(r.path("user_id"))).as("user_id of " + as)
                .isEqualTo(ref(account, expected.path("user")));
        if (expected.has("caller")) {
            assertThat(nullableLong(r.path("caller_id"))).as("caller_id of " + as)
                    .isEqualTo(ref(account, expected.path("caller")));
        }
        if (expected.has("callee")) {
            assertThat(nullableLong(r.path("callee_id"))).as("callee_id of " + as)
                    .isEqualTo(ref(account, expected.path("callee")));
        }
        if (expected.path("voicemail").isNull()) {
            assertThat(r.path("voicemail_id").isNull()).as("voicemail of " + as).isTrue();
        } else {
            assertThat(r.path("voicemail_type").asString()).as(as).isEqualTo("user");
            assertThat(r.path("voicemail_id").asLong()).as("voicemail_id of " + as)
                    .isEqualTo(refs.resolve(account, EntryKind.VOICEMAIL_BOX, "asterisk",
                            expected.path("voicemail").asString(), null));
        }
        List<String> fails = new ArrayList<>();
        r.path("call_flow").forEach(e -> {
            if (e.path("action").asString().equals("bridge_fail")) {
                fails.add(e.path("detail").path("id").asLong() + "=" + e.path("detail").path("result").asString());
            }
        });
        List<String> expectedFails = new ArrayList<>();
        expected.path("fails").properties().forEach(f -> expectedFails.add(
                refs.resolve(account, EntryKind.USER, "asterisk", f.getKey(), null) + "=" + f.getValue().asString()));
        assertThat(fails).as("bridge_fail of " + as).containsExactlyInAnyOrderElementsOf(expectedFails);
    }

    private Long ref(long account, JsonNode ref) {
        if (ref.isNull() || ref.isMissingNode()) {
            return null;
        }
        String text = ref.asString();
        int colon = text.indexOf(':');
        EntryKind kind = colon < 0 ? EntryKind.USER : switch (text.substring(0, colon)) {
            case "team" -> EntryKind.TEAM;
            case "greeting" -> EntryKind.GREETING;
            case "voicemail" -> EntryKind.VOICEMAIL_BOX;
            default -> throw new IllegalArgumentException(text);
        };
        return refs.resolve(account, kind, "asterisk", colon < 0 ? text : text.substring(colon + 1), null);
    }

    private static Long nullableLong(JsonNode node) {
        return node.isNull() || node.isMissingNode() ? null : node.asLong();
    }
}
