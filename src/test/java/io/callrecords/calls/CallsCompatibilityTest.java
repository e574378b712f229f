package io.callrecords.calls;

import static io.callrecords.calls.CallListTest.encode;
import static io.callrecords.calls.CallListTest.uuids;
import static org.assertj.core.api.Assertions.assertThat;

import io.callrecords.support.Api;
import io.callrecords.support.AppTestSupport;
import io.callrecords.support.RawHttp;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * Requests shaped exactly as Hipcall's public clients send them (the Python SDK's {@code Content-Type} on GET,
 * curl's {@code Accept: *}{@code /*}, PHP's raw brackets, Ruby's encoded ones, base URLs with a trailing slash),
 * and the envelopes, types and error bodies they rely on.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CallsCompatibilityTest extends AppTestSupport {

    private static final Pattern TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");

    private String key;
    private SeededCalls calls;

    @BeforeAll
    void seed() {
        key = newAccount("compat");
        calls = SeededCalls.of(30, 2).importInto(api, key);
    }

    @Test
    void rawAndEncodedBracketsAreTheSameRequest() {
        String query = "started_at[gte]=2026-03-10T06:00:00Z&direction[in]=inbound,outbound&limit=100";
        RawHttp.Answer raw = RawHttp.get(port, "/api/v3/calls?" + query, "Authorization: Bearer " + key, "Accept: */*");
        assertThat(raw.status()).as(raw.body()).isEqualTo(200);
        Api.Response encoded = api.get("/api/v3/calls?" + encode(query), key);
        assertThat(Api.JSON.readTree(raw.body())).isEqualTo(encoded.body());
        Instant from = Instant.parse("2026-03-10T06:00:00Z");
        assertThat(uuids(encoded)).isEqualTo(calls.expected(s -> !s.startedAt().isBefore(from)
                && !s.direction().equals("internal"), "started_at.desc"));

        // an offset's '+' sent unencoded arrives as a space; it is still read as the offset
        RawHttp.Answer plus = RawHttp.get(port, "/api/v3/calls?limit=100&started_at[gte]=2026-03-10T09:00:00+03:00"
                + "&direction[in]=inbound,outbound", "Authorization: Bearer " + key);
        assertThat(Api.JSON.readTree(plus.body())).isEqualTo(encoded.body());

        RawHttp.Answer invalid = RawHttp.get(port, "/api/v3/calls?limit=101", "Authorization: Bearer " + key);
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.body()).isEqualTo("{\"errors\":{\"limit\":[\"101 is larger than inclusive maximum 100\"]}}");
        RawHttp.Answer legacy = RawHttp.get(port, "/api/v20211124/cdrs?direction[eq]=outbound&per_page=3",
                "Authorization: Bearer " + key);
        assertThat(legacy.status()).as(legacy.body()).isEqualTo(200);
        assertThat(Api.JSON.readTree(legacy.body()).path("data").get(0).path("direction").asInt()).isEqualTo(2);
    }

    @Test
    void theHeadersClientsSendOnAGetAreAccepted() {
        List<List<String>> headerSets = List.of(
                List.of("Content-Type", "application/json"),                    // Python SDK
                List.of("Accept", "*/*"),                                      // curl
                List.of("Accept", "application/json"),                         // Ruby and PHP SDKs
                List.of("Accept", "application/json", "Content-Type", "application/json"));
        for (List<String> headers : headerSets) {
            for (String path : List.of("/api/v3/calls?limit=2&offset=0&sort=started_at.asc",
                    "/api/v3/calls/" + calls.seeds.getFirst().uuid(), "/api/v20211124/cdrs?page=2",
                    "/api/v3/calls/no-such-uuid", "/api/v3/calls?limit=0")) {
                Api.Response response = api.send(api.request(path, key).headers(headers.toArray(String[]::new)).GET());
                assertThat(response.status()).as(headers + " " + path).isIn(200, 422);
                assertThat(response.header("content-type")).as(headers + " " + path).startsWith("application/json");
                assertThat(response.body().isObject()).isTrue();
            }
        }
        assertThat(api.send(api.request("/api/v3/calls", key).header("Content-Type", "application/json")
                .method("GET", java.net.http.HttpRequest.BodyPublishers.ofString("{}"))).status())
                .as("a JSON body on a GET is ignored").isEqualTo(200);
    }

    @Test
    void baseUrlsWithATrailingSlashWork() {
        assertThat(api.get("/api/v3/calls/?limit=3", key).body()).isEqualTo(api.get("/api/v3/calls?limit=3", key).body());
        assertThat(api.get("/api/v20211124/cdrs/", key).data()).isEqualTo(api.get("/api/v20211124/cdrs", key).data());
        java.net.http.HttpResponse<String> export = CallExportTest.fetch(api, "/api/v3/calls/export/?format=ndjson", key);
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.body().lines().count()).isEqualTo(30);
        RawHttp.Answer raw = RawHttp.get(port, "/api/v3/calls/?direction[eq]=internal", "Authorization: Bearer " + key);
        assertThat(raw.status()).isEqualTo(200);
        String uuid = calls.seeds.get(4).uuid().toString();
        assertThat(api.get("/api/v3/calls/" + uuid + "/", key).data().path("uuid").asString()).isEqualTo(uuid);
    }

    @Test
    void everyFieldHasTheTypeClientsParse() {
        Api.Response page = api.get("/api/v3/calls?limit=100", key);
        JsonNode meta = page.body().path("meta");
        assertThat(meta.path("count").isIntegralNumber()).isTrue();
        assertThat(meta.path("offset").isIntegralNumber()).isTrue();
        assertThat(meta.path("limit").isIntegralNumber()).isTrue();
        for (JsonNode r : page.data()) {
            assertThat(r.path("uuid").isString()).isTrue();
            assertThat(r.path("direction").asString()).isIn("inbound", "outbound", "internal");
            for (String id : List.of("number_id", "channel_id", "first_touch_duration", "call_duration")) {
                assertThat(r.path(id).isIntegralNumber()).as(id).isTrue();
            }
            for (String id : List.of("caller_id", "callee_id", "user_id", "contact_id", "company_id", "related_id",
                    "voicemail_id", "callback_user_id", "callback_time")) {
                assertThat(r.path(id).isNull() || r.path(id).isIntegralNumber()).as(id).isTrue();
            }
            for (String text : List.of("channel_type", "caller_number", "callee_number", "caller_type", "callee_type",
                    "hangup_by")) {
                assertThat(r.path(text).isString()).as(text).isTrue();
            }
            for (String time : List.of("started_at", "ended_at", "updated_at")) {
                assertThat(r.path(time).asString()).as(time).matches(TIME);
            }
            assertThat(r.path("answered_at").isNull() || TIME.matcher(r.path("answered_at").asString()).matches()).isTrue();
            assertThat(r.path("missing_call").isBoolean()).isTrue();
            assertThat(r.path("missing_call_reason").isNull() || r.path("missing_call_reason").isString()).isTrue();
            assertThat(r.path("call_flow").isArray()).isTrue();
            assertThat(r.path("call_flow").get(0).path("timestamp").isIntegralNumber()).isTrue();
        }
    }

    @Test
    void errorsHaveTheBodiesClientsMatchOn() {
        for (String path : List.of("/api/v3/calls", "/api/v3/calls/export?format=csv", "/api/v20211124/cdrs",
                "/api/v3/calls/" + calls.seeds.getFirst().uuid())) {
            Api.Response missing = api.get(path, null);
            assertThat(missing.status()).isEqualTo(401);
            assertThat(missing.raw().body())
                    .isEqualTo("{\"errors\":{\"detail\":\"Authentication required. Provide an API token.\"}}");
            Api.Response wrong = api.get(path, "cr_not-a-key");
            assertThat(wrong.status()).isEqualTo(401);
            assertThat(wrong.raw().body())
                    .isEqualTo("{\"errors\":{\"detail\":\"Not authorized. Check your API token is valid and not expired.\"}}");
        }
        String unknown = "/2026/03/10/" + java.util.UUID.randomUUID();
        for (String path : List.of("/api/v3/calls" + unknown, "/api/v20211124/cdrs" + unknown)) {
            Api.Response response = api.get(path, key);
            assertThat(response.status()).isEqualTo(404);
            assertThat(response.raw().body()).isEqualTo("{\"errors\":{\"detail\":\"Not Found\"}}");
        }
        Api.Response unknownParameter = api.get("/api/v3/calls?" + encode("started_at[from]=2026-03-10"), key);
        assertThat(unknownParameter.raw().body())
                .isEqualTo("{\"errors\":{\"started_at\":[\"started_at[from] is not a parameter of this list\"]}}");
        Api.Response integerDirection = api.get("/api/v3/calls?" + encode("direction[eq]=1"), key);
        assertThat(integerDirection.raw().body())
                .isEqualTo("{\"errors\":{\"direction\":[\"direction[eq]: '1' is not one of inbound, outbound, internal\"]}}");
        Api.Response unknownField = api.get("/api/v3/calls?" + encode("colour=red"), key);
        assertThat(unknownField.raw().body()).isEqualTo("{\"errors\":{\"colour\":[\"is not a parameter of this list\"]}}");
    }

    @Test
    void theOpenApiDocumentDescribesEveryEndpointParameterEnumAndError() {
        JsonNode doc = api.get("/v3/api-docs", null).body();
        JsonNode paths = doc.path("paths");
        for (String path : List.of("/api/v3/calls", "/api/v3/calls/{uuid}", "/api/v3/calls/{yyyy}/{mm}/{dd}/{uuid}",
                "/api/v3/calls/export", "/api/v20211124/cdrs", "/api/v20211124/cdrs/{yyyy}/{mm}/{dd}/{uuid}")) {
            JsonNode get = paths.path(path).path("get");
            assertThat(get.path("operationId").isString()).as(path).isTrue();
            assertThat(get.path("responses").propertyNames()).as(path).contains("200", "401", "422", "429");
            get.path("responses").forEach(response -> assertThat(response.path("content").toString())
                    .as(path).contains("example"));
        }
        JsonNode list = paths.path("/api/v3/calls").path("get");
        List<String> names = StreamSupport.stream(list.path("parameters").spliterator(), false)
                .map(p -> p.path("name").asString()).toList();
        assertThat(names).contains("limit", "offset", "cursor", "sort", "status", "q", "started_at[gt]",
                "started_at[gte]", "started_at[lt]", "started_at[lte]", "call_duration[gte]", "updated_at[gt]",
                "direction[eq]", "direction[in]", "missing_call[eq]", "missing_call_reason[eq]", "missing_call_reason[in]",
                "user_id[eq]", "user_id[in]", "number_id[eq]", "callee_type[eq]", "callee_type[in]", "returned[eq]")
                .doesNotContain("parameters", "caller");
        JsonNode limit = parameter(list, "limit");
        assertThat(limit.path("schema").path("maximum").asInt()).isEqualTo(100);
        assertThat(limit.path("schema").path("default").asInt()).isEqualTo(10);
        assertThat(parameter(list, "direction[eq]").path("schema").path("enum").toString())
                .isEqualTo("[\"inbound\",\"outbound\",\"internal\"]");
        assertThat(list.path("responses").path("200").path("content").path("application/json").path("schema")
                .path("$ref").asString()).isEqualTo("#/components/schemas/CallList");
        assertThat(list.path("responses").path("422").path("content").path("application/json").path("example")
                .path("errors").path("limit").get(0).asString()).isEqualTo("101 is larger than inclusive maximum 100");

        JsonNode record = doc.path("components").path("schemas").path("CallRecord").path("properties");
        assertThat(record.propertyNames()).containsExactlyElementsOf(CallRecordFields.NAMES);
        assertThat(record.path("missing_call_reason").path("enum").toString()).isEqualTo("[\"denylist\","
                + "\"out_of_business_hours\",\"callback\",\"short_abandoned\",\"abandoned\",null]");
        assertThat(record.path("callee_type").path("enum").size()).isEqualTo(9);

        JsonNode export = paths.path("/api/v3/calls/export").path("get");
        assertThat(parameter(export, "format").path("required").asBoolean()).isTrue();
        assertThat(parameter(export, "format").path("schema").path("enum").toString()).isEqualTo("[\"csv\",\"ndjson\"]");
        assertThat(export.path("responses").path("200").path("content").propertyNames())
                .contains("text/csv", "application/x-ndjson");
        JsonNode legacy = paths.path("/api/v20211124/cdrs").path("get");
        assertThat(parameter(legacy, "page").path("schema").path("minimum").asInt()).isEqualTo(1);
        assertThat(parameter(legacy, "per_page").path("schema").path("maximum").asInt()).isEqualTo(100);
        assertThat(paths.path("/api/v3/calls/{uuid}").path("get").path("responses").path("404").path("content")
                .toString()).contains("Not Found");
        assertThat(api.send(api.request("/swagger-ui/index.html", null).GET()).status()).isEqualTo(200);
    }

    private static JsonNode parameter(JsonNode operation, String name) {
        return StreamSupport.stream(operation.path("parameters").spliterator(), false)
                .filter(p -> p.path("name").asString().equals(name)).findFirst().orElseThrow();
    }
}
