package io.callrecords.calls;

import static io.callrecords.calls.CallListTest.encode;
import static org.assertj.core.api.Assertions.assertThat;

import io.callrecords.calls.SeededCalls.Seed;
import io.callrecords.support.Api;
import io.callrecords.support.AppTestSupport;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/** The legacy {@code /api/v20211124/cdrs} view: Laravel-style pages, integer enums, {@code +0000} times. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LegacyCdrsTest extends AppTestSupport {

    private static final int CALLS = 25;

    private String key;
    private SeededCalls calls;
    private String base;

    @BeforeAll
    void seed() {
        key = newAccount("legacy");
        calls = SeededCalls.of(CALLS, 4).importInto(api, key);
        base = "http://127.0.0.1:" + port + "/api/v20211124/cdrs";
    }

    @Test
    void pagesHaveLinksAndMetaAsLaravelServesThem() {
        Api.Response first = api.get("/api/v20211124/cdrs", key);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body().propertyNames()).containsExactly("data", "links", "meta");
        assertThat(first.body().path("links").toString()).isEqualTo("{\"first\":\"" + base + "?page=1\",\"last\":null,"
                + "\"prev\":null,\"next\":\"" + base + "?page=2\"}");
        assertThat(first.body().path("meta").toString()).isEqualTo("{\"current_page\":1,\"from\":1,\"path\":\"" + base
                + "\",\"per_page\":\"10\",\"to\":10}");
        List<String> all = calls.expected(s -> true, "started_at.desc");
        assertThat(uuids(first)).isEqualTo(all.subList(0, 10));

        Api.Response last = api.get("/api/v20211124/cdrs?page=3", key);
        assertThat(uuids(last)).isEqualTo(all.subList(20, 25));
        assertThat(last.body().path("links").path("prev").asString()).isEqualTo(base + "?page=2");
        assertThat(last.body().path("links").path("next").isNull()).isTrue();
        assertThat(last.body().path("meta").path("from").asInt()).isEqualTo(21);
        assertThat(last.body().path("meta").path("to").asInt()).isEqualTo(25);

        Api.Response beyond = api.get("/api/v20211124/cdrs?page=9", key);
        assertThat(beyond.data().size()).isZero();
        assertThat(beyond.body().path("meta").path("from").isNull()).isTrue();
        assertThat(beyond.body().path("meta").path("to").isNull()).isTrue();
    }

    @Test
    void linksKeepTheFilters() {
        Api.Response first = api.get("/api/v20211124/cdrs?" + encode("direction[eq]=inbound&per_page=3"), key);
        String next = first.body().path("links").path("next").asString();
        assertThat(next).isEqualTo(base + "?direction%5Beq%5D=inbound&per_page=3&page=2");
        Api.Response second = api.get(next.substring(next.indexOf("/api/")), key);
        assertThat(uuids(second)).isEqualTo(calls.expected(s -> s.direction().equals("inbound"), "started_at.desc")
                .subList(3, 6));
        assertThat(second.body().path("meta").path("per_page").asString()).isEqualTo("3");
    }

    @Test
    void recordsHaveTheIntegerEnumsAndTimesOfThatVersion() {
        Api.Response page = api.get("/api/v20211124/cdrs?per_page=100", key);
        Map<String, Seed> seeds = new java.util.HashMap<>();
        calls.seeds.forEach(s -> seeds.put(s.uuid().toString(), s));
        for (JsonNode cdr : page.data()) {
            assertThat(cdr.propertyNames()).containsExactly("resource_type", "uuid", "direction", "user_id", "contact_id",
                    "channel_type", "channel_id", "started_at", "answered_at", "bridged_at", "ended_at", "call_duration",
                    "first_touch_duration", "missing_call", "missing_call_reason", "caller_id", "caller_type",
                    "caller_number", "callee_id", "callee_type", "callee_number", "record_url", "hangup_by",
                    // the fields added since that version, in the v3 shape's order
                    "number_id", "company_id", "related_type", "related_id", "team_touch_at", "voicemail_url",
                    "voicemail_id", "voicemail_type", "callback_user_id", "callback_time", "callback_cdr_uuid",
                    "updated_at", "call_flow");
            assertThat(cdr.path("call_flow").isArray()).isTrue();
            Seed seed = seeds.get(cdr.path("uuid").asString());
            assertThat(cdr.path("resource_type").asString()).isEqualTo("cdr");
            assertThat(cdr.path("direction").asInt()).isEqualTo(List.of("inbound", "outbound", "internal")
                    .indexOf(seed.direction()) + 1);
            assertThat(cdr.path("started_at").asString()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\+0000")
                    .isEqualTo(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'+0000'")
                            .withZone(java.time.ZoneOffset.UTC).format(seed.startedAt()));
            assertThat(cdr.path("ended_at").asString()).endsWith("+0000");
            assertThat(cdr.path("updated_at").asString()).endsWith("+0000");
            assertThat(cdr.path("contact_id").asInt()).as("no contact is 0").isZero();
            assertThat(cdr.path("channel_type").asInt()).isEqualTo(1);
            assertThat(cdr.path("caller_type").asInt()).isEqualTo(seed.direction().equals("inbound") ? 1 : 2);
            assertThat(cdr.path("hangup_by").asInt()).isEqualTo(2);
            JsonNode callee = cdr.path("callee_type");
            switch (seed.calleeType()) {
                case "contact" -> assertThat(callee.asInt()).isEqualTo(1);
                case "user" -> assertThat(callee.asInt()).isEqualTo(2);
                case "greeting" -> assertThat(callee.asInt()).isEqualTo(3);
                case "team" -> assertThat(callee.asInt()).isEqualTo(4);
                case "hangup" -> assertThat(callee.isNull()).isTrue();
                default -> assertThat(callee.asString()).isEqualTo(seed.calleeType());
            }
            JsonNode reason = cdr.path("missing_call_reason");
            switch (seed.reason() == null ? "none" : seed.reason()) {
                case "none" -> assertThat(reason.asInt()).isZero();
                case "out_of_business_hours" -> assertThat(reason.asInt()).isEqualTo(1);
                case "short_abandoned" -> assertThat(reason.asInt()).isEqualTo(2);
                case "abandoned" -> assertThat(reason.asInt()).isEqualTo(3);
                case "callback" -> assertThat(reason.asInt()).isEqualTo(4);
                default -> assertThat(reason.asString()).isEqualTo("denylist");
            }
            assertThat(reason.isIntegralNumber() || reason.isString()).isTrue();
            JsonNode voicemail = cdr.path("voicemail_type");
            assertThat(seed.missing() ? voicemail.asInt() == 2 : voicemail.isNull()).isTrue();
            assertThat(cdr.path("call_duration").isIntegralNumber()).isTrue();
        }
        assertThat(calls.seeds.stream().map(Seed::calleeType).distinct()).contains("hangup", "smart_ivr", "team");
        assertThat(calls.seeds.stream().map(Seed::reason).distinct()).contains("denylist", "callback", null);
    }

    @Test
    void oneCdrByItsDatedPath() {
        Seed seed = calls.seeds.get(2);
        Api.Response list = api.get("/api/v20211124/cdrs?per_page=100", key);
        JsonNode listed = StreamSupport.stream(list.data().spliterator(), false)
                .filter(c -> c.path("uuid").asString().equals(seed.uuid().toString())).findFirst().orElseThrow();
        assertThat(api.get("/api/v20211124/cdrs/2026/3/10/" + seed.uuid(), key).data()).isEqualTo(listed);
        assertThat(api.get("/api/v20211124/cdrs/2026/03/10/" + seed.uuid(), key).data()).isEqualTo(listed);
        assertThat(api.get("/api/v20211124/cdrs/2026/03/10/" + java.util.UUID.randomUUID(), key).raw().body())
                .isEqualTo("{\"errors\":{\"detail\":\"Not Found\"}}");
        assertThat(api.get("/api/v20211124/cdrs/2026/02/30/" + seed.uuid(), key).status()).isEqualTo(422);
        assertThat(api.get("/api/v20211124/cdrs/2026/03/10/nope", key).raw().body())
                .isEqualTo("{\"errors\":{\"uuid\":[\"is not a UUID\"]}}");
    }

    @Test
    void badParametersAreNamed() {
        Api.Response response = api.get("/api/v20211124/cdrs?per_page=101&page=0&limit=5", key);
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.body().path("errors").path("per_page").get(0).asString())
                .isEqualTo("101 is larger than inclusive maximum 100");
        assertThat(response.body().path("errors").path("page").get(0).asString())
                .isEqualTo("0 is smaller than inclusive minimum 1");
        assertThat(response.body().path("errors").path("limit").get(0).asString())
                .isEqualTo("is not a parameter of this list");
    }

    private static List<String> uuids(Api.Response page) {
        return CallListTest.uuids(page);
    }
}
