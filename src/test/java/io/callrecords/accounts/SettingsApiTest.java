package io.callrecords.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import io.callrecords.support.Api;
import io.callrecords.support.AppTestSupport;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SettingsApiTest extends AppTestSupport {

    @Autowired
    AccountSettingsService settings;

    private String key;

    @BeforeAll
    void account() {
        key = newAccount("settings");
    }

    static Stream<Arguments> invalidChanges() {
        return Stream.of(
                Arguments.of("unknown time zone", "{\"timezone\": \"Mars/Olympus\"}", "timezone", "IANA"),
                Arguments.of("offset instead of a zone", "{\"timezone\": 3}", "timezone", "IANA"),
                Arguments.of("unknown region", "{\"default_region\": \"XX\"}", "default_region", "ISO 3166"),
                Arguments.of("business hours not an object", "{\"business_hours\": [1]}", "business_hours", "must be an object"),
                Arguments.of("unknown day", "{\"business_hours\": {\"monday\": []}}", "business_hours.monday", "is not a day"),
                Arguments.of("interval not a pair", "{\"business_hours\": {\"mon\": [[\"09:00\"]]}}", "business_hours.mon", "must be a pair"),
                Arguments.of("time out of range", "{\"business_hours\": {\"mon\": [[\"09:00\", \"24:30\"]]}}", "business_hours.mon", "HH:MM"),
                Arguments.of("malformed time", "{\"business_hours\": {\"tue\": [[\"9am\", \"17:00\"]]}}", "business_hours.tue", "HH:MM"),
                Arguments.of("interval ends before it starts", "{\"business_hours\": {\"wed\": [[\"18:00\", \"09:00\"]]}}", "business_hours.wed", "ends before it starts"),
                Arguments.of("overlapping intervals", "{\"business_hours\": {\"thu\": [[\"13:00\", \"18:00\"], [\"09:00\", \"13:30\"]]}}", "business_hours.thu", "intervals overlap: 09:00-13:30 and 13:00-18:00"),
                Arguments.of("bad closed date", "{\"business_hours\": {\"closed_dates\": [\"2026-02-30\"]}}", "business_hours.closed_dates", "is not a date"),
                Arguments.of("number schedule under a non-number", "{\"number_business_hours\": {\"sales\": {\"mon\": []}}}", "number_business_hours.sales", "is not a number id"),
                Arguments.of("bad number schedule", "{\"number_business_hours\": {\"717\": {\"fri\": [[\"10:00\", \"09:00\"]]}}}", "number_business_hours.717.fri", "ends before it starts"),
                Arguments.of("threshold above 600", "{\"short_abandon_seconds\": 601}", "short_abandon_seconds", "0 to 600"),
                Arguments.of("negative threshold", "{\"short_abandon_seconds\": -1}", "short_abandon_seconds", "0 to 600"),
                Arguments.of("fractional threshold", "{\"short_abandon_seconds\": 2.5}", "short_abandon_seconds", "whole number"),
                Arguments.of("threshold as text", "{\"short_abandon_seconds\": \"3\"}", "short_abandon_seconds", "whole number"),
                Arguments.of("denylist not an array", "{\"denylist\": \"+90*\"}", "denylist", "must be an array"),
                Arguments.of("malformed denylist entry", "{\"denylist\": [\"+905551112233\", \"+90 850*\"]}", "denylist", "entry 1"),
                Arguments.of("star inside a denylist entry", "{\"denylist\": [\"+90*850\"]}", "denylist", "entry 0"),
                Arguments.of("bad ISO duration", "{\"callback_window\": \"7 days\"}", "callback_window", "ISO-8601 duration"),
                Arguments.of("zero window", "{\"callback_window\": \"PT0S\"}", "callback_window", "ISO-8601 duration"),
                Arguments.of("window above a year", "{\"callback_window\": \"P400D\"}", "callback_window", "ISO-8601 duration"),
                Arguments.of("effective time without offset", "{\"effective_from\": \"2026-01-01T00:00:00\"}", "effective_from", "offset"),
                Arguments.of("rate limit is the operator's", "{\"rate_limit_per_minute\": 100000}", "rate_limit_per_minute", "operator"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidChanges")
    void anInvalidChangeNamesTheFieldAndChangesNothing(String name, String patch, String field, String message) {
        String before = api.get("/api/v3/account/settings", key).raw().body();
        // A valid field beside the bad one must not be applied either.
        String validField = patch.contains("short_abandon_seconds") ? "\"timezone\": \"Asia/Tokyo\", " : "\"short_abandon_seconds\": 7, ";
        String withValidField = "{" + validField + patch.substring(1);
        Api.Response response = api.patch("/api/v3/account/settings", key, withValidField);
        assertThat(response.status()).as(response.raw().body()).isEqualTo(422);
        assertThat(response.body().path("errors").path(field).isArray()).as(response.raw().body()).isTrue();
        assertThat(response.body().path("errors").path(field).toString()).contains(message);
        assertThat(api.get("/api/v3/account/settings", key).raw().body()).isEqualTo(before);
    }

    @Test
    void aChangeTakesEffectAndIsKeptInTheHistory() {
        String patch = """
                {"timezone": "Europe/Istanbul", "default_region": "tr",
                 "business_hours": {"mon": [["13:30", "18:00"], ["09:00", "12:30"]], "fri": [["09:00", "24:00"]],
                                    "closed_dates": ["2026-10-29"]},
                 "number_business_hours": {"717": {"mon": [["00:00", "24:00"]]}},
                 "short_abandon_seconds": 5, "denylist": ["+905551112233", "+90850*", "+905551112233"],
                 "callback_window": "PT48H", "unknown_field": "ignored"}""";
        Api.Response changed = api.patch("/api/v3/account/settings", key, patch);
        assertThat(changed.status()).as(changed.raw().body()).isEqualTo(200);
        Api.Response read = api.get("/api/v3/account/settings", key);
        assertThat(read.data()).isEqualTo(changed.data());
        assertThat(read.data().path("default_region").asString()).isEqualTo("TR");
        assertThat(read.data().path("business_hours").path("mon").toString()).isEqualTo("[[\"09:00\",\"12:30\"],[\"13:30\",\"18:00\"]]");
        assertThat(read.data().path("business_hours").path("sat").toString()).isEqualTo("[]");
        assertThat(read.data().path("number_business_hours").path("717").path("mon").toString()).isEqualTo("[[\"00:00\",\"24:00\"]]");
        assertThat(read.data().path("denylist").toString()).isEqualTo("[\"+905551112233\",\"+90850*\"]");
        assertThat(read.data().path("callback_window").asString()).isEqualTo("P2D");
        assertThat(read.data().has("unknown_field")).isFalse();

        Api.Response alwaysOpen = api.patch("/api/v3/account/settings", key, "{\"business_hours\": null}");
        assertThat(alwaysOpen.data().path("business_hours").isNull()).isTrue();
        assertThat(alwaysOpen.data().path("timezone").asString()).isEqualTo("Europe/Istanbul");

        Api.Response history = api.get("/api/v3/account/settings/history", key);
        assertThat(history.data().size()).isGreaterThanOrEqualTo(3);
        assertThat(history.data().get(0).path("version").asInt())
                .isEqualTo(history.data().get(1).path("version").asInt() + 1);
    }

    @Test
    void aCallIsDerivedWithTheVersionInForceWhenItStarted() {
        String own = newAccount("versions");
        Api.Response accounts = api.get("/admin/accounts", OPERATOR_TOKEN);
        long account = accounts.data().get(accounts.data().size() - 1).path("id").asLong();
        api.patch("/api/v3/account/settings", own, "{\"short_abandon_seconds\": 10, \"effective_from\": \"2026-01-01T00:00:00Z\"}");
        api.patch("/api/v3/account/settings", own, "{\"short_abandon_seconds\": 20, \"effective_from\": \"2026-03-01T00:00:00+01:00\"}");

        assertThat(settings.inForceAt(account, Instant.parse("2025-06-01T00:00:00Z")).settings().shortAbandonSeconds())
                .as("before every version: the earliest one").isEqualTo(10);
        assertThat(settings.inForceAt(account, Instant.parse("2026-02-28T23:59:59Z")).settings().shortAbandonSeconds()).isEqualTo(20);
        assertThat(settings.inForceAt(account, Instant.parse("2026-02-28T22:59:59Z")).settings().shortAbandonSeconds()).isEqualTo(10);
        assertThat(settings.inForceAt(account, Instant.parse("2026-01-01T00:00:00Z")).settings().shortAbandonSeconds()).isEqualTo(10);
        assertThat(settings.current(account).settings().shortAbandonSeconds())
                .as("the newest change overrides the account's first version from its effective time on").isEqualTo(20);
    }

    /** The answer's shape, pinned: fields in their order, nulls written, a schedule's days mon..sun then closed dates. */
    @Test
    void settingsAnswerHasItsFieldsInOrderWithNullsWritten() {
        String own = newAccount("settings-shape");
        Api.Response changed = api.patch("/api/v3/account/settings", own, """
                {"number_business_hours": {"+905321234567": {"tue": [["10:00", "11:30"]], "closed_dates": ["2026-12-31"]}}}""");
        assertThat(changed.status()).as(changed.raw().body()).isEqualTo(200);
        String body = api.get("/api/v3/account/settings", own).raw().body();
        assertThat(body).matches("\\{\"data\":\\{\"timezone\":\"[^\"]+\",\"default_region\":null,"
                + "\"business_hours\":null,\"number_business_hours\":\\{\"\\+905321234567\":\\{\"mon\":\\[\\],"
                + "\"tue\":\\[\\[\"10:00\",\"11:30\"\\]\\],\"wed\":\\[\\],\"thu\":\\[\\],\"fri\":\\[\\],\"sat\":\\[\\],"
                + "\"sun\":\\[\\],\"closed_dates\":\\[\"2026-12-31\"\\]\\}\\},\"short_abandon_seconds\":\\d+,"
                + "\"denylist\":\\[\\],\"callback_window\":\"[^\"]+\",\"media_retention_days\":(null|\\d+),"
                + "\"rate_limit_per_minute\":600,\"effective_from\":\"[^\"]+Z\",\"version\":2\\}\\}");
        assertThat(api.get("/api/v3/account/settings/history", own).raw().body()).startsWith("{\"data\":[{\"timezone\":");
    }
}
