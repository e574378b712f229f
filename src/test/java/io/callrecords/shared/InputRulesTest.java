package io.callrecords.shared;

import static org.assertj.core.api.Assertions.assertThat;

import io.callrecords.support.Api;
import io.callrecords.support.AppTestSupport;
import io.callrecords.support.PageClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The rules every input of the service is held to, tried through HTTP with what an attacker (or a broken platform)
 * sends: text that is not valid Unicode or holds a NUL, text longer than its field, times out of range or far
 * ahead, query strings without names. Each is a 4xx that names the problem, and nothing is stored.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InputRulesTest extends AppTestSupport {

    @Autowired
    JdbcClient jdbc;

    private String key;
    private long accountId;

    @BeforeAll
    void account() {
        key = newAccount("input-rules");
        accountId = jdbc.sql("SELECT id FROM accounts WHERE name = 'input-rules'").query(Long.class).single();
    }

    private static String hangup(String id, String at) {
        return "{\"id\": \"" + id + "\", \"call_uuid\": \"" + UUID.randomUUID() + "\", \"action\": \"hangup\", \"at\": \""
                + at + "\", \"detail\": {\"hangup_by\": \"contact\"}}";
    }

    private static String init(String id, String channelType) {
        return "{\"id\": \"" + id + "\", \"call_uuid\": \"" + UUID.randomUUID() + "\", \"action\": \"init\","
                + " \"at\": \"2026-03-26T12:31:32Z\", \"detail\": {\"caller\": {\"number\": \"+905321234567\","
                + " \"type\": \"contact\"}, \"callee\": {\"number\": \"101\", \"type\": \"user\", \"id\": 1},"
                + " \"channel_type\": \"" + channelType + "\"}}";
    }

    private long storedEvents() {
        return jdbc.sql("SELECT count(*) FROM call_events WHERE account_id = ?").param(accountId).query(Long.class).single();
    }

    private static void assertNames(Api.Response answer, int status, String field, String words) {
        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(status);
        assertThat(answer.body().path("errors").path(field).get(0).asString()).as(answer.raw().body()).contains(words);
    }

    // Item 1: a lone surrogate never reaches the store, where it became '?' and made distinct ids one.
    @Test
    void unpairedSurrogatesInAnEventIdAreRefusedAndDoNotCollideWithOtherIds() {
        long before = storedEvents();
        assertNames(api.post("/api/v3/call-events", key, hangup("sx-T-\\ud800", "2026-03-26T12:31:32Z")),
                422, "events[0].id", "unpaired surrogate");
        assertNames(api.post("/api/v3/call-events", key, "[" + hangup("ok", "2026-03-26T12:31:32Z") + ","
                + hangup("sx-T-\\udbff", "2026-03-26T12:31:32Z") + "]"), 422, "events[1].id", "unpaired surrogate");
        assertThat(storedEvents()).isEqualTo(before);

        Api.Response plain = api.post("/api/v3/call-events", key, hangup("sx-T-?", "2026-03-26T12:31:32Z"));
        assertThat(plain.status()).isEqualTo(202);
        assertThat(plain.data().path("accepted").asInt()).isEqualTo(1);
        assertThat(plain.data().path("duplicates").asInt()).isZero();
    }

    @Test
    void aPairedSurrogateIsText() {
        Api.Response emoji = api.post("/api/v3/call-events", key, init("emoji-1", "sip \\ud83d\\ude00"));
        assertThat(emoji.status()).as(emoji.raw().body()).isEqualTo(202);
    }

    static Stream<Arguments> badTextInBodies() {
        return Stream.of(
                Arguments.of("/api/v3/call-events", init("nul-1", "a\\u0000b"), "events[0].detail.channel_type", "NUL"),
                Arguments.of("/api/v3/call-events", init("sur-1", "a\\udfffb"), "events[0].detail.channel_type", "unpaired"),
                Arguments.of("/api/v3/call-events", hangup("nul\\u0000id", "2026-03-26T12:31:32Z"), "events[0].id", "NUL"),
                Arguments.of("/api/v3/contacts", "{\"name\": \"Ada\\u0000\"}", "name", "NUL"),
                Arguments.of("/api/v3/contacts", "{\"name\": \"Ada\", \"email\": \"a\\u0000@example.com\"}", "email", "NUL"),
                Arguments.of("/api/v3/contacts", "{\"name\": \"Ada\\ud800\"}", "name", "unpaired"),
                Arguments.of("/api/v3/companies", "{\"name\": \"ACME\\u0000\"}", "name", "NUL"),
                Arguments.of("/api/v3/contacts/import", "[{\"name\": \"ok\"}, {\"name\": \"x\\u0000\"}]", "rows[1].name", "NUL"),
                Arguments.of("/api/v3/api-keys", "{\"name\": \"k\\u0000\", \"scopes\": [\"read\"]}", "name", "NUL"),
                Arguments.of("/api/v3/webhooks", "{\"url\": \"https://example.com/h\", \"events\": [\"call_ended\"],"
                        + " \"description\": \"d\\u0000\"}", "description", "NUL"),
                Arguments.of("/api/v3/missed-calls/%2B905321234567/dismiss", "{\"reason\": \"spam\", \"note\": \"n\\u0000\"}",
                        "note", "NUL"),
                Arguments.of("/api/v3/calls/import", "{\"uuid\": \"" + UUID.randomUUID() + "\", \"channel_type\": \"\\u0000\"}",
                        "records[0].channel_type", "NUL"),
                Arguments.of("/api/v3/contacts", "{\"na\\u0000me\": \"Ada\"}", "body", "property name"));
    }

    // Items 1 and 6: NUL and unpaired surrogates are a 422 naming the field, on every body that takes text.
    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("badTextInBodies")
    void textThatIsNotValidUnicodeOrHoldsANulIsA422NamingTheField(String path, String body, String field, String words) {
        assertNames(api.post(path, key, body), 422, field, words);
    }

    @Test
    void settingsTakeNoNul() {
        assertNames(api.patch("/api/v3/account/settings", key, "{\"time_zone\": \"Europe/\\u0000Istanbul\"}"),
                422, "time_zone", "NUL");
    }

    @Test
    void aCsvImportTakesNoNulAndNoBytesOutsideItsCharset() {
        Api.Response nul = api.send(api.request("/api/v3/contacts/import", key).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString("name,email\nAda,ada@example.com\nBob\u0000,\n")));
        assertNames(nul, 422, "rows[1]", "name contains a NUL");
        byte[] latin1 = "name\nJos\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        Api.Response notUtf8 = api.send(api.request("/api/v3/companies/import", key)
                .header("Content-Type", "text/csv; charset=utf-8").POST(HttpRequest.BodyPublishers.ofByteArray(latin1)));
        assertNames(notUtf8, 422, "body", "is not valid UTF-8");
        assertThat(jdbc.sql("SELECT count(*) FROM contacts WHERE account_id = ?").param(accountId).query(Long.class).single())
                .isZero();
    }

    // Item 3: NDJSON is decoded strictly, line by line, like a JSON array is.
    @Test
    void invalidUtf8InNdjsonIsRefusedNamingTheLine() {
        byte[] good = (hangup("nd-1", "2026-03-26T12:31:32Z") + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] bad = (hangup("nd-2-\u00ff", "2026-03-26T12:31:32Z") + "\n").getBytes(StandardCharsets.ISO_8859_1);
        byte[] body = new byte[good.length + bad.length];
        System.arraycopy(good, 0, body, 0, good.length);
        System.arraycopy(bad, 0, body, good.length, bad.length);
        long before = storedEvents();
        Api.Response answer = api.send(api.request("/api/v3/call-events", key)
                .header("Content-Type", "application/x-ndjson").POST(HttpRequest.BodyPublishers.ofByteArray(body)));
        assertNames(answer, 422, "events[1]", "(line 2) is not valid UTF-8");
        assertThat(storedEvents()).isEqualTo(before);
    }

    // Item 4: every free-text field has a limit; the body limit alone let a megabyte into every read.
    @Test
    void freeTextLongerThanItsLimitIsRefused() {
        assertNames(api.post("/api/v3/call-events", key, init("long-1", "x".repeat(256))),
                422, "events[0].detail.channel_type", "at most 255");
        String bridgeFail = "{\"id\": \"bf-1\", \"call_uuid\": \"" + UUID.randomUUID() + "\", \"action\": \"bridge_fail\","
                + " \"at\": \"2026-03-26T12:31:32Z\", \"detail\": {\"type\": \"user\", \"id\": 3, \"result\": \""
                + "r".repeat(1_000_000) + "\"}}";
        assertNames(api.post("/api/v3/call-events", key, bridgeFail), 422, "events[0].detail.result", "at most 255");
        assertThat(api.post("/api/v3/call-events", key, init("long-ok", "x".repeat(255))).status()).isEqualTo(202);
    }

    // Item 5: a call ahead of the service's clock by more than the allowed skew is refused, saying by how much.
    @Test
    void eventsFarAheadOfTheClockAreRefusedSayingByHowMuch() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Api.Response ahead = api.post("/api/v3/call-events", key, hangup("future-1", now.plusSeconds(9_000).toString()));
        assertNames(ahead, 422, "events[0].at", "ahead of the service's clock");
        assertThat(ahead.raw().body()).containsPattern("is 2 h (29|30) min ahead").contains("at most 15 min 0 s");
        assertThat(api.post("/api/v3/call-events", key, hangup("future-2", now.plusSeconds(600).toString())).status())
                .isEqualTo(202);
    }

    static Stream<String> timesOutOfRange() {
        return Stream.of("+10000-01-01T00:00:00Z", "9999-12-31T23:59:59-18:00", "0000-06-01T00:00:00Z",
                "-0001-06-01T00:00:00Z", "+999999999-01-01T00:00:00Z");
    }

    // Item 7: one rule for every time the service reads: the years 0001 to 9999.
    @ParameterizedTest
    @MethodSource("timesOutOfRange")
    void eventTimesOutsideTheYearsAreA422(String at) {
        assertNames(api.post("/api/v3/call-events", key, hangup("year-" + at, at)), 422, "events[0].at", "0001 to 9999");
    }

    @Test
    void importedRecordsOutsideTheYearsAreA422() {
        String record = "{\"uuid\": \"" + UUID.randomUUID() + "\", \"direction\": \"inbound\","
                + " \"caller_number\": \"+905321234567\", \"callee_number\": \"101\", \"caller_type\": \"contact\","
                + " \"callee_type\": \"user\", \"started_at\": \"+10000-01-01T00:00:00Z\","
                + " \"ended_at\": \"+10000-01-01T00:01:00Z\"}";
        Api.Response answer = api.post("/api/v3/calls/import", key, record);
        assertNames(answer, 422, "records[0].started_at", "0001 to 9999");
    }

    @Test
    void filtersAndReportPeriodsOutsideTheYearsAreA422() {
        assertNames(api.get("/api/v3/calls?started_at%5Bgte%5D=%2B999999999-01-01T00:00:00Z", key),
                422, "started_at", "started_at[gte]: '+999999999-01-01T00:00:00Z' is not");
        assertNames(api.get("/api/v3/calls?started_at%5Blt%5D=0000-01-01", key), 422, "started_at",
                "started_at[lt]: '0000-01-01' is not");
        assertThat(api.get("/api/v3/reports/summary?from=2026-01-01&to=-999999999-01-01T00:00:00Z", key).status())
                .isEqualTo(422);
        assertThat(api.get("/api/v3/missed-calls?from=%2B10000-01-01", key).status()).isEqualTo(422);
        assertThat(api.post("/api/v3/api-keys", key, "{\"name\": \"k\", \"scopes\": [\"read\"],"
                + " \"expires_at\": \"+10000-01-01T00:00:00Z\"}").status()).isEqualTo(422);
    }

    static Stream<String> queriesWithoutNames() {
        return Stream.of("/api/v3/calls?=", "/api/v3/calls?limit=5&=x", "/api/v3/contacts?=", "/api/v3/missed-calls?&=1",
                "/api/v3/reports/summary?=", "/api/v3/webhooks?=");
    }

    // Item 8: a parameter without a name is a 400 that says so, on every endpoint.
    @ParameterizedTest
    @MethodSource("queriesWithoutNames")
    void aQueryParameterWithoutANameIsA400(String target) {
        Api.Response answer = api.get(target, key);
        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(400);
        assertThat(answer.body().path("errors").path("detail").asString()).contains("without a name");
    }

    // Items 1 and 6: query values are decoded strictly and held to the same rule.
    @Test
    void queryValuesThatAreNotValidTextAreA422NamingTheParameter() {
        assertNames(api.get("/api/v3/contacts?q=%00", key), 422, "q", "NUL");
        assertNames(api.get("/api/v3/companies?q=a%00", key), 422, "q", "NUL");
        assertNames(api.get("/api/v3/contacts?q=%ED%A0%80", key), 422, "q", "not valid percent-encoded UTF-8");
        assertNames(api.get("/api/v3/calls?caller_number=%FF", key), 422, "caller_number", "UTF-8");
        assertThat(api.get("/api/v3/contacts?q=%C3%A9", key).status()).isEqualTo(200);
    }

    // Item 9: the sign-in page's next is a path of this site or the start page, never a template to expand.
    @Test
    void signInWithATemplateInNextGoesToTheStartPage() {
        PageClient browser = new PageClient(port);
        assertThat(browser.get("/sign-in?next=/calls/%7Bid%7D").statusCode()).isEqualTo(200);
        String csrf = PageClient.csrfOf(browser.get("/sign-in").body());
        HttpResponse<String> signedIn = browser.postForm("/sign-in",
                Map.of("api_key", key, "_csrf", csrf, "next", "/calls/{id}?x={y}"));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).endsWith("/");
        HttpResponse<String> again = browser.get("/sign-in?next=/calls/%7Bid%7D");
        assertThat(again.statusCode()).isEqualTo(302);
    }

    @Test
    void formFieldsTakeNoNul() {
        PageClient browser = new PageClient(port);
        String csrf = PageClient.csrfOf(browser.get("/sign-in").body());
        HttpResponse<String> answer = browser.postForm("/sign-in", Map.of("api_key", "cr_\u0000", "_csrf", csrf));
        assertThat(answer.statusCode()).isEqualTo(422);
        assertThat(answer.body()).contains("api_key").contains("NUL");
    }
}
