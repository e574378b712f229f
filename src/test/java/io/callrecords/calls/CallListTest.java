package io.callrecords.calls;

import static org.assertj.core.api.Assertions.assertThat;

import io.callrecords.calls.SeededCalls.Seed;
import io.callrecords.support.Api;
import io.callrecords.support.AppTestSupport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/** {@code GET /api/v3/calls}: every filter against an oracle, defaults, offset and cursor paging, live calls, 422s. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CallListTest extends AppTestSupport {

    private static final int CALLS = 60;

    private String key;
    private SeededCalls calls;

    @BeforeAll
    void seed() {
        key = newAccount("list");
        calls = SeededCalls.of(CALLS, 1).importInto(api, key);
        // two calls in progress: listed only with status=live
        for (String start : List.of("2026-03-12T10:00:00Z", "2026-03-12T10:05:00Z")) {
            FlowJson live = FlowJson.call(start).inbound("+905551112233");
            assertThat(api.post("/api/v3/call-events", key, live.array()).status()).isEqualTo(202);
        }
    }

    @Test
    void defaultsAreTheTenNewestEndedCallsWithTheCountOfAll() {
        Api.Response page = api.get("/api/v3/calls", key);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body().propertyNames()).containsExactly("data", "meta");
        assertThat(page.body().path("meta").propertyNames()).containsExactly("count", "offset", "limit", "next_cursor");
        assertThat(page.body().path("meta").path("count").asLong()).isEqualTo(CALLS);
        assertThat(page.body().path("meta").path("offset").asInt()).isZero();
        assertThat(page.body().path("meta").path("limit").asInt()).isEqualTo(10);
        assertThat(page.body().path("meta").path("next_cursor").isString()).isTrue();
        assertThat(uuids(page)).isEqualTo(calls.expected(s -> true, "started_at.desc").subList(0, 10));
        for (JsonNode record : page.data()) {
            assertThat(record.propertyNames()).containsExactlyElementsOf(CallRecordFields.NAMES);
            assertThat(record.path("ended_at").isString()).isTrue();
            assertThat(record).as("a listed record is the record").isEqualTo(
                    api.get("/api/v3/calls/" + record.path("uuid").asString(), key).data());
        }
    }

    @Test
    void everyFilterSelectsWhatItSays() {
        Map<String, Predicate<Seed>> cases = new java.util.LinkedHashMap<>();
        cases.put("direction[eq]=inbound", s -> s.direction().equals("inbound"));
        cases.put("direction[in]=inbound,internal", s -> !s.direction().equals("outbound"));
        cases.put("direction[in]=inbound&direction[in]=outbound", s -> !s.direction().equals("internal"));
        cases.put("direction[eq]=inbound&direction[in]=outbound", s -> false);
        cases.put("missing_call[eq]=true", Seed::missing);
        cases.put("missing_call[eq]=false", s -> !s.missing());
        cases.put("direction[eq]=inbound&missing_call[eq]=true", s -> s.direction().equals("inbound") && s.missing());
        cases.put("missing_call_reason[eq]=abandoned", s -> "abandoned".equals(s.reason()));
        cases.put("missing_call_reason[in]=callback,denylist", s -> "callback".equals(s.reason()) || "denylist".equals(s.reason()));
        cases.put("user_id[eq]=41", s -> Long.valueOf(41).equals(s.userId()));
        cases.put("user_id[in]=40,43", s -> s.userId() != null && (s.userId() == 40 || s.userId() == 43));
        cases.put("number_id[eq]=701", s -> s.numberId() == 701);
        cases.put("callee_type[eq]=team", s -> s.calleeType().equals("team"));
        cases.put("callee_type[in]=hangup,smart_ivr", s -> List.of("hangup", "smart_ivr").contains(s.calleeType()));
        cases.put("returned[eq]=true", Seed::returned);
        cases.put("returned[eq]=false", s -> s.missing() && !s.returned());
        cases.put("call_duration[gte]=100&call_duration[lt]=200", s -> s.callDuration() >= 100 && s.callDuration() < 200);
        cases.put("call_duration[gt]=100&call_duration[lte]=200", s -> s.callDuration() > 100 && s.callDuration() <= 200);
        Instant day2 = Instant.parse("2026-03-11T00:00:00Z");
        cases.put("started_at[gte]=2026-03-11", s -> !s.startedAt().isBefore(day2));
        cases.put("started_at[gt]=2026-03-10", s -> !s.startedAt().isBefore(day2));
        cases.put("started_at[lte]=2026-03-10", s -> s.startedAt().isBefore(day2));
        cases.put("started_at[lt]=2026-03-11", s -> s.startedAt().isBefore(day2));
        Instant from = Instant.parse("2026-03-10T06:10:00Z");
        Instant to = Instant.parse("2026-03-10T09:00:00Z");
        cases.put("started_at[gte]=2026-03-10T06:10:00Z&started_at[lt]=2026-03-10T12:00:00+03:00",
                s -> !s.startedAt().isBefore(from) && s.startedAt().isBefore(to));
        cases.put("started_at[gt]=2026-03-10T11:40:00.500+05:30", s -> s.startedAt().isAfter(Instant.parse("2026-03-10T06:10:00.500Z")));
        cases.put("q=53212000", s -> s.callerNumber().contains("53212000") || s.calleeNumber().contains("53212000"));
        cases.put("q=%2B90 212-5500", s -> s.calleeNumber().contains("902125500"));
        cases.put("direction[eq]=inbound&missing_call[eq]=true&started_at[gte]=2026-03-10&started_at[lt]=2026-03-11"
                + "&number_id[eq]=700", s -> s.direction().equals("inbound") && s.missing()
                && s.startedAt().isBefore(day2) && s.numberId() == 700);
        cases.forEach((query, filter) -> {
            for (String sort : List.of("started_at.desc", "started_at.asc")) {
                Api.Response page = api.get("/api/v3/calls?limit=100&sort=" + sort + "&" + encode(query), key);
                assertThat(page.status()).as(query + " " + page.raw().body()).isEqualTo(200);
                List<String> expected = calls.expected(filter, sort);
                assertThat(uuids(page)).as(query).isEqualTo(expected);
                assertThat(page.body().path("meta").path("count").asLong()).as(query).isEqualTo(expected.size());
            }
        });
        assertThat(calls.expected(cases.get("returned[eq]=true"), "started_at.asc")).isNotEmpty();
    }

    @Test
    void offsetPagesCountEveryMatch() {
        List<String> expected = calls.expected(s -> s.direction().equals("inbound"), "started_at.asc");
        Api.Response page = api.get("/api/v3/calls?" + encode("direction[eq]=inbound&sort=started_at.asc&limit=5&offset=5"), key);
        assertThat(uuids(page)).isEqualTo(expected.subList(5, 10));
        assertThat(page.body().path("meta").path("count").asLong()).isEqualTo(expected.size());
        assertThat(page.body().path("meta").path("offset").asInt()).isEqualTo(5);
        Api.Response beyond = api.get("/api/v3/calls?offset=1000", key);
        assertThat(beyond.data().size()).isZero();
        assertThat(beyond.body().path("meta").path("count").asLong()).isEqualTo(CALLS);
        assertThat(beyond.body().path("meta").path("next_cursor").isNull()).isTrue();
    }

    @Test
    void aCursorWalksEveryMatchOnceInEveryOrder() {
        for (String sort : List.of("started_at.desc", "started_at.asc")) {
            assertThat(walk("sort=" + sort)).as(sort).isEqualTo(calls.expected(s -> true, sort));
            assertThat(walk("sort=" + sort + "&direction[eq]=outbound"))
                    .isEqualTo(calls.expected(s -> s.direction().equals("outbound"), sort));
        }
        List<String> byUpdate = walk("sort=updated_at.asc");
        assertThat(byUpdate).containsExactlyInAnyOrderElementsOf(calls.expected(s -> true, "started_at.asc"));
    }

    @Test
    void updatedAtListsWhatChangedSinceInTheOrderItChanged() throws InterruptedException {
        Api.Response all = api.get("/api/v3/calls?limit=100&sort=updated_at.asc", key);
        List<String> times = StreamSupport.stream(all.data().spliterator(), false)
                .map(r -> r.path("updated_at").asString()).toList();
        assertThat(times).isSorted();
        // a deliberate sleep: updated_at is served to the second, and the change below must be in a later second
        Thread.sleep(1_100);
        Instant since = Instant.parse(times.getLast()).plusSeconds(1);
        Seed changed = calls.seeds.get(7);
        SeededCalls again = new SeededCalls();
        again.seeds.add(changed);
        again.importInto(api, key);
        Api.Response delta = api.get("/api/v3/calls?" + encode("sort=updated_at.asc&updated_at[gte]=" + since), key);
        assertThat(uuids(delta)).containsExactly(changed.uuid().toString());
        assertThat(api.get("/api/v3/calls?" + encode("updated_at[gt]=" + Instant.now().plusSeconds(60)), key)
                .body().path("meta").path("count").asLong()).isZero();
    }

    @Test
    void liveCallsAreListedOnlyWhenAskedFor() {
        Api.Response live = api.get("/api/v3/calls?status=live", key);
        assertThat(live.data().size()).isEqualTo(2);
        assertThat(live.body().path("meta").path("count").asLong()).isEqualTo(2);
        assertThat(live.data().get(0).path("started_at").asString()).isEqualTo("2026-03-12T10:05:00Z");
        assertThat(live.data().get(0).path("ended_at").isNull()).isTrue();
        assertThat(live.data().get(0).path("missing_call").isNull()).isTrue();
        assertThat(api.get("/api/v3/calls?status=ended&limit=100", key).data().size()).isEqualTo(CALLS);
    }

    @Test
    void anotherAccountSeesNone() {
        String other = newAccount("list-other");
        Api.Response page = api.get("/api/v3/calls", other);
        assertThat(page.data().size()).isZero();
        assertThat(page.body().path("meta").path("count").asLong()).isZero();
    }

    @Test
    void everyBadOrUnknownParameterIsNamed() {
        assertThat(api.get("/api/v3/calls?limit=101", key).raw().body())
                .isEqualTo("{\"errors\":{\"limit\":[\"101 is larger than inclusive maximum 100\"]}}");
        Map<String, String> cases = new java.util.LinkedHashMap<>();
        cases.put("limit=0", "limit=0 is smaller than inclusive minimum 1");
        cases.put("limit=ten", "limit=ten is not a whole number");
        cases.put("offset=-1", "offset=-1 is smaller than inclusive minimum 0");
        cases.put("sort=id.asc", "sort='id.asc' is not one of started_at.desc, started_at.asc, updated_at.asc");
        cases.put("direction[eq]=1", "direction=direction[eq]: '1' is not one of inbound, outbound, internal");
        cases.put("direction[in]=inbound,2", "direction=direction[in]: '2' is not one of inbound, outbound, internal");
        cases.put("direction[in]=inbound,,outbound", "direction=direction[in] has an empty item; separate values by single commas"
                + " (inbound,outbound)");
        cases.put("started_at[gte]=yesterday", "started_at=started_at[gte]: 'yesterday' is not " + CallFilterParameters.TIME_FORMS);
        cases.put("started_at[lte]=2026-02-30", "started_at=started_at[lte]: '2026-02-30' is not " + CallFilterParameters.TIME_FORMS);
        cases.put("call_duration[gt]=-5", "call_duration=call_duration[gt]: '-5' is not a whole number of seconds");
        cases.put("updated_at[lt]=2026-03-10", "updated_at=updated_at[lt] is not a parameter of this list");
        cases.put("missing_call[eq]=yes", "missing_call=missing_call[eq]: 'yes' is not true or false");
        cases.put("missing_call_reason[eq]=none", "missing_call_reason=missing_call_reason[eq]: 'none' is not one of denylist,"
                + " out_of_business_hours, callback, short_abandoned, abandoned");
        cases.put("returned[eq]=1", "returned=returned[eq]: '1' is not true or false");
        cases.put("user_id[eq]=abc", "user_id=user_id[eq]: 'abc' is not one of ids (whole numbers)");
        cases.put("number_id[eq]=x", "number_id=number_id[eq]: 'x' is not an id (a whole number)");
        cases.put("callee_type[in]=ivr", "callee_type=callee_type[in]: 'ivr' is not one of contact, user, greeting, team, voicemail,"
                + " smart_ivr, speed_dial, external_manager, hangup");
        cases.put("status=all", "status='all' is not one of ended, live");
        cases.put("q=abc", "q='abc' has no digits; q finds digits inside caller_number and callee_number");
        cases.put("page=2", "page=is not a parameter of this list");
        cases.put("limit=5&limit=6", "limit=is given 2 times; give it once");
        cases.put("cursor=bm9wZQ", "cursor=is not a cursor of this list; use meta.next_cursor of the previous page");
        cases.forEach((query, error) -> {
            Api.Response response = api.get("/api/v3/calls?" + encode(query), key);
            assertThat(response.status()).as(query).isEqualTo(422);
            String field = error.substring(0, error.indexOf('='));
            assertThat(response.body().path("errors").path(field).get(0).asString()).as(query)
                    .isEqualTo(error.substring(error.indexOf('=') + 1));
        });

        Api.Response several = api.get("/api/v3/calls?" + encode("limit=101&direction[eq]=1&foo=bar&bar="), key);
        assertThat(several.body().path("errors").propertyNames()).containsExactlyInAnyOrder("limit", "direction",
                "foo", "bar");

        String cursor = api.get("/api/v3/calls?limit=2", key).body().path("meta").path("next_cursor").asString();
        assertThat(api.get("/api/v3/calls?sort=started_at.asc&cursor=" + cursor, key).body().path("errors")
                .path("cursor").get(0).asString()).isEqualTo("was made for sort=started_at.desc; repeat that sort or"
                + " start without a cursor");
        assertThat(api.get("/api/v3/calls?offset=10&cursor=" + cursor, key).body().path("errors").path("offset")
                .get(0).asString()).startsWith("cannot be combined with cursor");
        assertThat(api.get("/api/v3/calls?limit=&q=&offset=", key).status()).as("blank means absent").isEqualTo(200);
    }

    @Test
    void oneCallByUuidAndByDatedPath() {
        Seed seed = calls.seeds.get(3);
        JsonNode record = api.get("/api/v3/calls/" + seed.uuid(), key).data();
        assertThat(record.path("uuid").asString()).isEqualTo(seed.uuid().toString());
        assertThat(api.get("/api/v3/calls/2026/03/10/" + seed.uuid(), key).data()).isEqualTo(record);
        assertThat(api.get("/api/v3/calls/2026/3/10/" + seed.uuid(), key).data()).isEqualTo(record);
        assertThat(api.get("/api/v3/calls/" + seed.uuid() + "?date=2026-03-10", key).data()).isEqualTo(record);
        assertThat(api.get("/api/v3/calls/" + seed.uuid(), newAccount("detail-other")).raw().body())
                .isEqualTo("{\"errors\":{\"detail\":\"Not Found\"}}");
        assertThat(api.get("/api/v3/calls/2026/13/10/" + seed.uuid(), key).raw().body())
                .isEqualTo("{\"errors\":{\"date\":[\"is not a date (yyyy/mm/dd)\"]}}");
        assertThat(api.get("/api/v3/calls/26/03/10/" + seed.uuid(), key).status()).isEqualTo(422);
        assertThat(api.get("/api/v3/calls/" + seed.uuid() + "?date=2026-3-10", key).raw().body())
                .isEqualTo("{\"errors\":{\"date\":[\"is not a date (YYYY-MM-DD)\"]}}");
        assertThat(api.get("/api/v3/calls/12345", key).raw().body())
                .isEqualTo("{\"errors\":{\"uuid\":[\"is not a UUID\"]}}");
    }

    /** Every uuid of a list, page by page through meta.next_cursor, 7 to a page. */
    private List<String> walk(String query) {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Api.Response page = api.get("/api/v3/calls?limit=7&" + encode(query)
                    + (cursor == null ? "" : "&cursor=" + cursor), key);
            assertThat(page.status()).as(page.raw().body()).isEqualTo(200);
            seen.addAll(uuids(page));
            JsonNode next = page.body().path("meta").path("next_cursor");
            cursor = next.isNull() ? null : next.asString();
            assertThat(++pages).isLessThan(20);
        } while (cursor != null);
        return seen;
    }

    static List<String> uuids(Api.Response page) {
        return StreamSupport.stream(page.data().spliterator(), false).map(r -> r.path("uuid").asString()).toList();
    }

    /** Percent-encodes what java.net.URI refuses or would misread in a query: brackets, plus, space. */
    static String encode(String query) {
        return query.replace("[", "%5B").replace("]", "%5D").replace("+", "%2B").replace(" ", "%20");
    }
}
