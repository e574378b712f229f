package io.callrecords.reports;

import static io.callrecords.reports.WorklistCalls.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.callrecords.support.Api;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/** Dismissing worklist lines, taking dismissals back, and the audit trail of both. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorklistDismissalTest extends ReportsTestSupport {

    static final String DISMISSED = "+905321220001";
    static final String UNTOUCHED = "+905321220002";

    private String admin;
    private String writer;
    private long writerId;
    private WorklistCalls calls;

    @BeforeAll
    void calls() {
        admin = accountWithSettings("dismissals",
                "{\"default_region\": \"TR\", \"effective_from\": \"2026-01-01T00:00:00Z\"}");
        String[] key = newKey(admin, "[\"read\", \"write\"]");
        writerId = Long.parseLong(key[0]);
        writer = key[1];
        calls = new WorklistCalls(api, admin);
        calls.abandoned(DISMISSED, at(0));
        calls.shortAbandoned(DISMISSED, at(60));
        calls.abandoned(UNTOUCHED, at(30));
    }

    private Api.Response post(String path, String key, String body) {
        return api.post("/api/v3/missed-calls/" + path, key, body);
    }

    private Api.Response list(String query) {
        Api.Response list = api.get("/api/v3/missed-calls" + query, admin);
        assertThat(list.status()).as(list.raw().body()).isEqualTo(200);
        return list;
    }

    private static JsonNode line(Api.Response answer) {
        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(200);
        return answer.data();
    }

    @Test
    void aDismissalHoldsUntilTheCallerMissesAnotherCall() {
        JsonNode dismissed = line(post("%2B905321220001/dismiss", writer, "{\"reason\": \"spam\"}"));
        assertThat(dismissed.path("status").asString()).isEqualTo("dismissed");
        assertThat(dismissed.path("unreturned").asInt()).isZero();
        assertThat(dismissed.path("missed_calls").asInt()).isEqualTo(2);
        assertThat(dismissed.path("dismissal").path("reason").asString()).isEqualTo("spam");
        assertThat(dismissed.path("dismissal").path("note").isNull()).isTrue();
        assertThat(dismissed.path("dismissal").path("dismissed_by_key_id").asLong()).isEqualTo(writerId);
        assertThat(dismissed.path("dismissal").propertyNames())
                .containsExactly("reason", "note", "dismissed_at", "dismissed_by_key_id", "dismissed_by_user_id");
        assertThat(dismissed.path("dismissal").path("dismissed_by_user_id").isNull()).as("an account key").isTrue();
        assertThat(list("").data().findValuesAsString("number")).containsExactly(UNTOUCHED);
        assertThat(list("?status=dismissed").data().findValuesAsString("number")).containsExactly(DISMISSED);
        assertThat(list("?status=dismissed&number=220001").body().path("meta").path("count").asInt()).isEqualTo(1);
        assertThat(list("?status=dismissed&number=220002").data()).isEmpty();
        assertThat(list("?status=unreturned").body().path("meta").path("count").asInt()).isEqualTo(1);

        // Dismissing again, in national form, replaces the dismissal and keeps the first in the history.
        JsonNode replaced = line(post("05321220001/dismiss", writer,
                "{\"reason\": \"other\", \"note\": \"Called from the office line\", \"ignored\": 1}"));
        assertThat(replaced.path("dismissal").path("reason").asString()).isEqualTo("other");
        assertThat(replaced.path("dismissal").path("note").asString()).isEqualTo("Called from the office line");
        Api.Response historyAnswer = api.get("/api/v3/missed-calls/%2B905321220001/dismissals", admin);
        assertThat(historyAnswer.body().propertyNames()).containsExactly("data", "meta");
        assertThat(historyAnswer.raw().body()).endsWith("],\"meta\":{\"count\":2}}");
        JsonNode history = historyAnswer.data();
        assertThat(history.get(0).propertyNames()).containsExactly("id", "reason", "note", "dismissed_at",
                "dismissed_by_key_id", "undismissed_at", "undismissed_by_key_id", "dismissed_by_user_id",
                "undismissed_by_user_id");
        assertThat(history.findValuesAsString("reason")).containsExactly("other", "spam");
        assertThat(history.get(0).path("undismissed_at").isNull()).isTrue();
        assertThat(history.get(1).path("undismissed_at").asString()).as("replaced at once")
                .isEqualTo(history.get(0).path("dismissed_at").asString());
        assertThat(history.get(1).path("undismissed_by_key_id").asLong()).isEqualTo(writerId);

        // A missed call after the dismissal brings the number back, the dismissal still standing.
        Instant now = Instant.now();
        calls.shortAbandoned(DISMISSED, now);
        JsonNode back = list("?to=" + now.plusSeconds(60)).data().get(0);
        assertThat(back.path("number").asString()).isEqualTo(DISMISSED);
        assertThat(back.path("status").asString()).isEqualTo("unreturned");
        assertThat(back.path("missed_calls").asInt()).isEqualTo(3);
        assertThat(back.path("unreturned").asInt()).as("only the new call").isEqualTo(1);
        assertThat(back.path("dismissal").path("reason").asString()).isEqualTo("other");

        // Taking the dismissal back makes every call without a callback unreturned again.
        JsonNode undismissed = line(post("%2B905321220001/undismiss?to=" + now.plusSeconds(60), writer, ""));
        assertThat(undismissed.path("status").asString()).isEqualTo("unreturned");
        assertThat(undismissed.path("unreturned").asInt()).isEqualTo(3);
        assertThat(undismissed.path("dismissal").isNull()).isTrue();
        assertThat(post("%2B905321220001/undismiss", writer, "").status()).as("nothing left to take back").isEqualTo(404);
        JsonNode audit = api.get("/api/v3/missed-calls/%2B905321220001/dismissals", admin).data();
        assertThat(audit).hasSize(2);
        assertThat(audit.get(0).path("undismissed_at").isNull()).isFalse();
        assertThat(audit.get(0).path("undismissed_by_key_id").asLong()).isEqualTo(writerId);
    }

    @Test
    void numbersWithoutMissedCallsAreNotFound() {
        assertThat(post("%2B905321229999/dismiss", writer, "{\"reason\": \"spam\"}").status()).isEqualTo(404);
        assertThat(post("not-a-number/dismiss", writer, "{\"reason\": \"spam\"}").status()).isEqualTo(404);
        assertThat(post("%2B905321229999/undismiss", writer, "").status()).isEqualTo(404);
        Api.Response history = api.get("/api/v3/missed-calls/%2B905321229999/dismissals", admin);
        assertThat(history.status()).isEqualTo(404);
        assertThat(history.body().path("errors").path("detail").asString()).isEqualTo("Not Found");
        assertThat(post("%2B905321220002/undismiss", writer, "").status()).as("never dismissed").isEqualTo(404);
    }

    @Test
    void anotherAccountCannotSeeOrDismissTheLines() {
        String other = newAccount("dismissals neighbour");
        assertThat(post("%2B905321220002/dismiss", other, "{\"reason\": \"spam\"}").status()).isEqualTo(404);
        assertThat(api.get("/api/v3/missed-calls/%2B905321220002/dismissals", other).status()).isEqualTo(404);
        assertThat(api.get("/api/v3/missed-calls/%2B905321220002/dismissals", admin).data()).isEmpty();
    }

    @Test
    void aReadOnlyKeyCannotDismiss() {
        String reader = newKey(admin, "[\"read\"]")[1];
        assertThat(post("%2B905321220002/dismiss", reader, "{\"reason\": \"spam\"}").status()).isEqualTo(403);
        assertThat(api.get("/api/v3/missed-calls/%2B905321220002/dismissals", reader).status()).isEqualTo(200);
    }

    static Stream<Arguments> badDismissals() {
        return Stream.of(
                Arguments.of("{}", "reason", "is required: one of spam, resolved_elsewhere, other"),
                Arguments.of("{\"reason\": \"later\"}", "reason", "'later' is not one of spam, resolved_elsewhere, other"),
                Arguments.of("{\"reason\": \"other\"}", "note", "is required when the reason is other"),
                Arguments.of("{\"reason\": \"other\", \"note\": \"  \"}", "note", "is required when the reason is other"),
                Arguments.of("{\"reason\": \"spam\", \"note\": 5}", "note", "must be a string"),
                Arguments.of("{\"reason\": \"spam\", \"note\": \"" + "x".repeat(1001) + "\"}", "note",
                        "is 1001 characters long; at most 1000"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badDismissals")
    void badDismissalsAreA422NamingTheField(String body, String field, String message) {
        Api.Response answer = post("%2B905321220002/dismiss", writer, body);
        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.body().path("errors").path(field).get(0).asString()).startsWith(message);
    }

    @Test
    void unknownOrBadParametersAreA422() {
        Api.Response answer = post("%2B905321220002/undismiss?from=2026-10-02&to=2026-10-01&x=1", writer, "");
        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.body().path("errors").propertyNames()).containsExactlyInAnyOrder("to", "x");
        assertThat(api.get("/api/v3/missed-calls/%2B905321220002/dismissals?limit=5", admin).status()).isEqualTo(422);
    }
}
