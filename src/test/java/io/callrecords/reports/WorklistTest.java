package io.callrecords.reports;

import static io.callrecords.reports.WorklistCalls.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.callrecords.calls.FlowJson;
import io.callrecords.support.Api;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * GET /api/v3/missed-calls over hand-built calls: a known caller who missed two calls and was never called back, a
 * caller whose one missed call was returned, and a denylisted caller who must not appear.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorklistTest extends ReportsTestSupport {

    static final String WAITING = "+905321110001";
    static final String RETURNED = "+905321110002";
    static final String DENYLISTED = "+905559990000";

    private String key;
    private long contact;
    private long company;
    private FlowJson returningCall;

    @BeforeAll
    void calls() {
        key = accountWithSettings("worklist", """
                {"timezone": "Europe/Istanbul", "default_region": "TR", "denylist": ["%s"],
                 "effective_from": "2026-01-01T00:00:00Z"}""".formatted(DENYLISTED));
        company = api.post("/api/v3/companies", key, "{\"name\": \"Deniz Lojistik\"}").data().path("id").asLong();
        contact = api.post("/api/v3/contacts", key, """
                {"name": "Ayşe Yılmaz", "company_id": %d, "phone_numbers": ["%s"]}""".formatted(company, WAITING))
                .data().path("id").asLong();
        WorklistCalls calls = new WorklistCalls(api, key);
        calls.abandoned(WAITING, at(0));
        calls.abandoned(DENYLISTED, at(30));
        calls.abandoned(RETURNED, at(60));
        calls.shortAbandoned(WAITING, at(120));
        returningCall = calls.callback(RETURNED, at(180));
    }

    private Api.Response list(String query) {
        return api.get("/api/v3/missed-calls" + query, key);
    }

    private static List<String> numbers(Api.Response response) {
        assertThat(response.status()).as(response.raw().body()).isEqualTo(200);
        List<String> numbers = new ArrayList<>();
        response.data().forEach(line -> numbers.add(line.path("number").asString()));
        return numbers;
    }

    @Test
    void oneLinePerCallerWithItsCountsReasonsAndContact() {
        Api.Response unreturned = list("");
        assertThat(numbers(unreturned)).containsExactly(WAITING);
        JsonNode line = unreturned.data().get(0);
        assertThat(line.path("contact_id").asLong()).isEqualTo(contact);
        assertThat(line.path("contact_name").asString()).isEqualTo("Ayşe Yılmaz");
        assertThat(line.path("company_id").asLong()).isEqualTo(company);
        assertThat(line.path("company_name").asString()).isEqualTo("Deniz Lojistik");
        assertThat(line.path("missed_calls").asInt()).isEqualTo(2);
        assertThat(line.path("first_missed_at").asString()).isEqualTo(at(0).toString());
        assertThat(line.path("last_missed_at").asString()).isEqualTo(at(120).toString());
        assertThat(line.path("reasons").toString()).isEqualTo("{\"short_abandoned\":1,\"abandoned\":1}");
        assertThat(line.path("returned").asInt()).isZero();
        assertThat(line.path("unreturned").asInt()).isEqualTo(2);
        assertThat(line.path("last_callback_at").isNull()).isTrue();
        assertThat(line.path("callback_cdr_uuid").isNull()).isTrue();
        assertThat(line.path("status").asString()).isEqualTo("unreturned");
        assertThat(line.path("dismissal").isNull()).isTrue();
        assertThat(unreturned.body().path("meta").path("count").asInt()).isEqualTo(1);
        assertThat(unreturned.body().path("meta").path("limit").asInt()).isEqualTo(50);
        assertThat(unreturned.body().path("meta").path("next_cursor").isNull()).isTrue();
    }

    @Test
    void aReturnedCallerIsListedUnderReturnedWithItsCallback() {
        Api.Response returned = list("?status=returned");
        assertThat(numbers(returned)).containsExactly(RETURNED);
        JsonNode line = returned.data().get(0);
        assertThat(line.path("returned").asInt()).isEqualTo(1);
        assertThat(line.path("unreturned").asInt()).isZero();
        assertThat(line.path("callback_cdr_uuid").asString()).isEqualTo(returningCall.uuid().toString());
        assertThat(line.path("last_callback_at").asString()).isEqualTo(at(180).toString());
        assertThat(line.path("contact_id").isNull()).isTrue();
        assertThat(line.path("contact_name").isNull()).isTrue();
        assertThat(line.path("status").asString()).isEqualTo("returned");
    }

    /** The wire shape of a page: every field in its order, nulls written out. */
    @Test
    void aPageAnswersItsFieldsInTheirOrder() {
        Api.Response returned = list("?status=returned");
        assertThat(returned.body().propertyNames()).containsExactly("data", "meta");
        assertThat(returned.data().get(0).propertyNames()).containsExactly("number", "contact_id", "contact_name",
                "company_id", "company_name", "missed_calls", "first_missed_at", "last_missed_at", "reasons",
                "returned", "unreturned", "last_callback_at", "callback_cdr_uuid", "status", "dismissal");
        assertThat(returned.body().path("meta").propertyNames())
                .containsExactly("count", "limit", "next_cursor", "from", "to");
        assertThat(returned.raw().body()).startsWith("{\"data\":[{\"number\":\"" + RETURNED + "\",\"contact_id\":null,"
                + "\"contact_name\":null,\"company_id\":null,\"company_name\":null,\"missed_calls\":1,"
                + "\"first_missed_at\":\"" + at(60) + "\",\"last_missed_at\":\"" + at(60) + "\","
                + "\"reasons\":{\"abandoned\":1},\"returned\":1,\"unreturned\":0,\"last_callback_at\":\"" + at(180)
                + "\",\"callback_cdr_uuid\":\"" + returningCall.uuid() + "\",\"status\":\"returned\",\"dismissal\":null}],"
                + "\"meta\":{\"count\":1,\"limit\":50,\"next_cursor\":null,\"from\":\"");
    }

    @Test
    void statusesAndFiltersSelectLines() {
        assertThat(numbers(list("?status=all"))).as("newest last_missed_at first").containsExactly(WAITING, RETURNED);
        assertThat(numbers(list("?status=dismissed"))).isEmpty();
        assertThat(numbers(list("?status=all&reason=short_abandoned"))).containsExactly(WAITING);
        assertThat(numbers(list("?status=all&reason=abandoned"))).containsExactly(WAITING, RETURNED);
        assertThat(numbers(list("?status=all&reason=callback"))).isEmpty();
        assertThat(numbers(list("?status=all&number=110002"))).containsExactly(RETURNED);
        assertThat(numbers(list("?status=all&number=%2B9053211"))).containsExactly(WAITING, RETURNED);
        assertThat(numbers(list("?status=all&number=532%20111"))).containsExactly(WAITING, RETURNED);
        assertThat(list("?status=all&reason=abandoned").body().path("meta").path("count").asInt()).isEqualTo(2);
    }

    @Test
    void denylistedCallersAreNeverListed() {
        assertThat(numbers(list("?status=all"))).doesNotContain(DENYLISTED);
        assertThat(numbers(list("?status=all&number=9990000"))).isEmpty();
        assertThat(api.get("/api/v3/missed-calls/%2B905559990000/dismissals", key).status()).isEqualTo(404);
    }

    @Test
    void thePeriodIsOnStartTimesAndDatesAreLocalToTheAccount() {
        String from = at(90).atOffset(java.time.ZoneOffset.ofHours(3)).toString();
        Api.Response later = list("?status=all&from=" + from.replace("+", "%2B"));
        assertThat(numbers(later)).containsExactly(WAITING);
        assertThat(later.data().get(0).path("missed_calls").asInt()).isEqualTo(1);
        assertThat(later.data().get(0).path("first_missed_at").asString()).isEqualTo(at(120).toString());

        Api.Response october = list("?from=2026-10-01&to=2026-11-01");
        assertThat(october.body().path("meta").path("from").asString()).isEqualTo("2026-09-30T21:00:00Z");
        assertThat(october.body().path("meta").path("to").asString()).isEqualTo("2026-10-31T21:00:00Z");
    }

    @Test
    void anotherAccountSeesNoLine() {
        String other = newAccount("worklist neighbour");
        Api.Response theirs = api.get("/api/v3/missed-calls?status=all", other);
        assertThat(numbers(theirs)).isEmpty();
        assertThat(theirs.body().path("meta").path("count").asInt()).isZero();
    }

    @Test
    void pagesFollowTheCursorUntilItIsNull() {
        String paged = newAccount("worklist pages");
        WorklistCalls calls = new WorklistCalls(api, paged);
        List<String> callers = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            callers.add("+90532122000" + i);
            calls.abandoned(callers.getLast(), at(i));
        }
        assertThat(pages(paged, "")).as("oldest first").containsExactlyElementsOf(callers);
        assertThat(pages(paged, "&status=all")).as("newest first").containsExactlyElementsOf(callers.reversed());
    }

    /** Every page of limit 3, checking the count on each; the numbers in the order served. */
    private List<String> pages(String key, String query) {
        List<String> served = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            String after = cursor == null ? "" : "&cursor=" + cursor;
            Api.Response page = api.get("/api/v3/missed-calls?limit=3" + query + after, key);
            served.addAll(numbers(page));
            assertThat(page.body().path("meta").path("count").asInt()).isEqualTo(7);
            cursor = page.body().path("meta").path("next_cursor").isNull() ? null
                    : page.body().path("meta").path("next_cursor").asString();
            pages++;
        } while (cursor != null);
        assertThat(pages).isEqualTo(3);
        return served;
    }

    static Stream<Arguments> badParameters() {
        return Stream.of(
                Arguments.of("status=open", "status", "'open' is not one of unreturned, returned, dismissed, all"),
                Arguments.of("reason=denylist", "reason", "'denylist' is not one of out_of_business_hours, callback,"
                        + " short_abandoned, abandoned"),
                Arguments.of("reason=busy", "reason", "'busy' is not one of"),
                Arguments.of("from=yesterday", "from", "'yesterday' is not a date (2026-10-01) or a date-time"),
                Arguments.of("to=2026-13-01", "to", "'2026-13-01' is not a date"),
                Arguments.of("from=2026-10-02&to=2026-10-01", "to", "must be after from"),
                Arguments.of("from=2026-10-01&to=2026-10-01", "to", "must be after from"),
                Arguments.of("from=2025-01-01&to=2026-03-01", "to", "is more than 400 days after from"),
                Arguments.of("limit=0", "limit", "0 is smaller than inclusive minimum 1"),
                Arguments.of("limit=501", "limit", "501 is larger than inclusive maximum 500"),
                Arguments.of("limit=ten", "limit", "ten is not a whole number"),
                Arguments.of("number=abc", "number", "'abc' is not digits of a phone number"),
                Arguments.of("cursor=abc", "cursor", "is not a cursor of this list"),
                Arguments.of("page=2", "page", "is not a parameter of this list"),
                Arguments.of("status=all&status=returned", "status", "is given 2 times"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badParameters")
    void badParametersAreA422NamingThem(String query, String parameter, String message) {
        Api.Response answer = list("?" + query);
        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.body().path("errors").path(parameter).get(0).asString()).startsWith(message);
    }

    @Test
    void everyBadParameterIsNamedAtOnce() {
        Api.Response answer = list("?status=open&limit=0&sort=asc");
        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.body().path("errors").propertyNames()).containsExactlyInAnyOrder("status", "limit", "sort");
    }

    @Test
    void aCursorServesOnlyTheStatusItWasMadeFor() {
        String paged = newAccount("worklist cursor");
        WorklistCalls calls = new WorklistCalls(api, paged);
        calls.abandoned("+905321230001", at(0));
        calls.abandoned("+905321230002", at(1));
        String cursor = api.get("/api/v3/missed-calls?limit=1", paged).body().path("meta").path("next_cursor").asString();
        Api.Response answer = api.get("/api/v3/missed-calls?status=all&cursor=" + cursor, paged);
        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.body().path("errors").path("cursor").get(0).asString())
                .startsWith("was made for status=unreturned");
    }
}
