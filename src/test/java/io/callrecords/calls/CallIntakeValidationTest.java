package io.callrecords.calls;

import static org.assertj.core.api.Assertions.assertThat;

import io.callrecords.support.Api;
import io.callrecords.support.AppTestSupport;
import io.callrecords.support.OwnApp;
import java.net.http.HttpRequest;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

@OwnApp // a body limit of its own; counts every stored event
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestPropertySource(properties = "callrecords.api.body-limit=64KB")
class CallIntakeValidationTest extends AppTestSupport {

    private static final String GOOD = """
            {"id": "ok-1", "call_uuid": "6a1c3a52-8f1f-4e57-9d69-0c7b3d0b5e01", "action": "hangup",
             "at": "2026-03-26T12:31:32.250+03:00", "detail": {"hangup_by": "contact"}}""";

    @Autowired
    JdbcClient jdbc;

    private String key;

    @BeforeAll
    void account() {
        key = newAccount("intake-validation");
    }

    static Stream<Arguments> badEvents() {
        String uuid = "\"call_uuid\": \"6a1c3a52-8f1f-4e57-9d69-0c7b3d0b5e02\"";
        String at = "\"at\": \"2026-03-26T12:31:32+03:00\"";
        return Stream.of(
                Arguments.of("unknown action", "{\"id\": \"a\", " + uuid + ", \"action\": \"ring\", " + at + ", \"detail\": {}}", "events[1].action", "'ring' is not one of"),
                Arguments.of("unknown enum value", "{\"id\": \"a\", " + uuid + ", \"action\": \"hangup\", " + at + ", \"detail\": {\"hangup_by\": \"cat\"}}", "events[1].detail.hangup_by", "'cat' is not one of user, contact, system"),
                Arguments.of("bad time", "{\"id\": \"a\", " + uuid + ", \"action\": \"hangup\", \"at\": \"26/03/2026 12:31\", \"detail\": {\"hangup_by\": \"user\"}}", "events[1].at", "ISO-8601"),
                Arguments.of("time without offset", "{\"id\": \"a\", " + uuid + ", \"action\": \"hangup\", \"at\": \"2026-03-26T12:31:32\", \"detail\": {\"hangup_by\": \"user\"}}", "events[1].at", "ISO-8601"),
                Arguments.of("missing time", "{\"id\": \"a\", " + uuid + ", \"action\": \"hangup\", \"detail\": {\"hangup_by\": \"user\"}}", "events[1].at", "is required"),
                Arguments.of("missing call_uuid", "{\"id\": \"a\", \"action\": \"hangup\", " + at + ", \"detail\": {\"hangup_by\": \"user\"}}", "events[1].call_uuid", "is required"),
                Arguments.of("call_uuid not a UUID", "{\"id\": \"a\", \"call_uuid\": \"call-1\", \"action\": \"hangup\", " + at + ", \"detail\": {\"hangup_by\": \"user\"}}", "events[1].call_uuid", "is not a UUID"),
                Arguments.of("missing id", "{" + uuid + ", \"action\": \"hangup\", " + at + ", \"detail\": {\"hangup_by\": \"user\"}}", "events[1].id", "is required"),
                Arguments.of("id of the wrong type", "{\"id\": 7, " + uuid + ", \"action\": \"hangup\", " + at + ", \"detail\": {\"hangup_by\": \"user\"}}", "events[1].id", "must be a non-empty string"),
                Arguments.of("malformed number", "{\"id\": \"a\", " + uuid + ", \"action\": \"init\", " + at + ", \"detail\": {\"caller\": {\"number\": \"call me maybe\", \"type\": \"contact\"}, \"callee\": {\"number\": \"101\", \"type\": \"user\", \"id\": 1}}}", "events[1].detail.caller.number", "is not a phone number"),
                Arguments.of("national number without default region", "{\"id\": \"a\", " + uuid + ", \"action\": \"init\", " + at + ", \"detail\": {\"caller\": {\"number\": \"05321234567\", \"type\": \"contact\"}, \"callee\": {\"number\": \"101\", \"type\": \"user\", \"id\": 1}}}", "events[1].detail.caller.number", "default_region"),
                Arguments.of("detail id of the wrong type", "{\"id\": \"a\", " + uuid + ", \"action\": \"bridge\", " + at + ", \"detail\": {\"type\": \"user\", \"id\": \"12\"}}", "events[1].detail.id", "whole number"),
                Arguments.of("number_id of the wrong type", "{\"id\": \"a\", " + uuid + ", \"action\": \"init\", " + at + ", \"detail\": {\"caller\": {\"number\": \"+905321234567\", \"type\": \"contact\"}, \"callee\": {\"number\": \"101\", \"type\": \"user\", \"id\": 1}, \"number_id\": \"717\"}}", "events[1].detail.number_id", "whole number"),
                Arguments.of("missing caller", "{\"id\": \"a\", " + uuid + ", \"action\": \"init\", " + at + ", \"detail\": {\"callee\": {\"number\": \"101\", \"type\": \"user\", \"id\": 1}}}", "events[1].detail.caller", "is required"),
                Arguments.of("route without a type", "{\"id\": \"a\", " + uuid + ", \"action\": \"route\", " + at + ", \"detail\": {\"id\": 5}}", "events[1].detail.type", "is required"),
                Arguments.of("answer without a type", "{\"id\": \"a\", " + uuid + ", \"action\": \"answer\", " + at + ", \"detail\": {}}", "events[1].detail.type", "is required"),
                Arguments.of("bridge to a team", "{\"id\": \"a\", " + uuid + ", \"action\": \"bridge\", " + at + ", \"detail\": {\"type\": \"team\", \"id\": 3}}", "events[1].detail.type", "must be user"),
                Arguments.of("detail not an object", "{\"id\": \"a\", " + uuid + ", \"action\": \"hangup\", " + at + ", \"detail\": \"user\"}", "events[1].detail", "must be a JSON object"),
                Arguments.of("event not an object", "\"hangup\"", "events[1]", "must be a JSON object"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badEvents")
    void aBadEventRejectsTheWholeRequestNamingItsIndexAndField(String name, String bad, String field, String message) {
        int before = storedEvents();
        Api.Response response = api.post("/api/v3/call-events", key, "[" + GOOD + "," + bad + "]");
        assertThat(response.status()).as(response.raw().body()).isEqualTo(422);
        assertThat(response.body().path("errors").path(field).toString()).as(response.raw().body()).contains(message);
        assertThat(storedEvents()).as("nothing of the request is stored").isEqualTo(before);
    }

    @Test
    void everyBadEventIsNamedAtOnce() {
        String ndjson = GOOD.replace("\n", " ") + "\n{\"id\": \"x\"}\nnot json\n";
        Api.Response response = api.send(api.request("/api/v3/call-events", key)
                .header("Content-Type", "application/x-ndjson").POST(HttpRequest.BodyPublishers.ofString(ndjson)));
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.body().path("errors").path("events[2]").toString()).contains("not valid JSON");
        response = api.send(api.request("/api/v3/call-events", key).header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(GOOD.replace("\n", " ") + "\n{\"id\": \"x\"}\n")));
        assertThat(response.body().path("errors").propertyNames())
                .containsExactlyInAnyOrder("events[1].call_uuid", "events[1].at", "events[1].action");
    }

    @Test
    void duplicatesAreCountedNotErrors() {
        String first = GOOD.replace("ok-1", "dup-1");
        Api.Response once = api.post("/api/v3/call-events", key, first);
        assertThat(once.status()).isEqualTo(202);
        assertThat(once.data().toString()).isEqualTo("{\"accepted\":1,\"duplicates\":0}");
        Api.Response again = api.post("/api/v3/call-events", key, "[" + first + "," + first + "," + GOOD.replace("ok-1", "dup-2") + "]");
        assertThat(again.status()).isEqualTo(202);
        assertThat(again.data().toString()).isEqualTo("{\"accepted\":1,\"duplicates\":2}");
    }

    @Test
    void aBodyOverTheLimitIs413Json() {
        String huge = "[" + String.join(",", java.util.Collections.nCopies(400, GOOD)) + "]";
        Api.Response response = api.post("/api/v3/call-events", key, huge);
        assertThat(response.status()).isEqualTo(413);
        assertThat(response.body().path("errors").path("detail").asString()).contains("larger than the limit");
    }

    @Test
    void emptyAndMalformedBodies() {
        Api.Response empty = api.post("/api/v3/call-events", key, "[]");
        assertThat(empty.status()).isEqualTo(422);
        assertThat(empty.body().path("errors").has("events")).isTrue();
        Api.Response malformed = api.post("/api/v3/call-events", key, "[{");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.body().path("errors").path("detail").asString()).contains("not valid JSON");
    }

    @Test
    void writingEventsNeedsTheWriteScope() {
        String reader = newKey(key, "[\"read\"]")[1];
        assertThat(api.post("/api/v3/call-events", reader, GOOD).status()).isEqualTo(403);
    }

    private int storedEvents() {
        return jdbc.sql("SELECT count(*) FROM call_events").query(Integer.class).single();
    }
}
