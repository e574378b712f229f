package io.callrecords;

import static org.assertj.core.api.Assertions.assertThat;

import io.callrecords.calls.FlowJson;
import io.callrecords.support.Api;
import io.callrecords.support.AppTestSupport;
import io.callrecords.support.Audio;
import io.callrecords.support.PageClient;
import io.callrecords.support.TestPersonalKeys;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * An agent sees only their own calls (ADR 0022): those they answered, made, or called back. Every read of calls is
 * checked with agent 11's personal key (and a page session opened with it) against the same account's other calls:
 * the list in each form, one call, its media, the worklist, the reports and the pages.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AgentsOwnCallsTest extends AppTestSupport {

    private static final Instant BASE = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofDays(2));
    private static final Pattern UUIDS = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    @Autowired
    JdbcClient jdbc;

    String admin;
    String agent;
    String otherAgent;
    String supervisor;
    long account;

    /** Answered by agent 11. */
    UUID answered;
    /** Agent 11 calls agent 12, who answers: 11 is the calling user only. */
    UUID internal;
    /** A missed call that agent 11 returned: 11 is its callback user only. */
    UUID returnedMissed;
    /** Agent 11's callback. */
    UUID callback;
    /** Answered by agent 12. */
    UUID othersAnswered;
    /** Missed on number 717, agent 12's default number; nobody returned it. */
    UUID missedOnOthersNumber;
    /** Missed, sent to agent 11 first (callee user 11), on number 718. */
    UUID missedForAgent;

    Set<UUID> own;
    Set<UUID> all;

    @BeforeAll
    void callsOfTwoAgents() {
        admin = newAccount("own calls");
        TestPersonalKeys people = new TestPersonalKeys(api, jdbc);
        account = people.accountOf(admin);
        people.user(account, 11, "Ayşe Yılmaz", "agent");
        people.user(account, 12, "Berk Demir", "agent");
        people.user(account, 13, "Cem Kaya", "supervisor");
        jdbc.sql("UPDATE users SET default_number_id = 717 WHERE account_id = :a AND id = 12").param("a", account).update();
        agent = people.key(admin, 11);
        otherAgent = people.key(admin, 12);
        supervisor = people.key(admin, 13);

        answered = send(FlowJson.call(at(0)).inbound("+905321111111").at(2_000).bridge(11).at(60_000).hangup("contact"));
        internal = send(FlowJson.call(at(5)).event("init", """
                {"caller": {"number": "101", "type": "user", "id": 11}, "callee": {"number": "102", "type": "user", "id": 12}}""")
                .at(2_000).bridge(12).at(30_000).hangup("user"));
        returnedMissed = send(FlowJson.call(at(10)).inbound("+905322222222").at(20_500).hangup("contact"));
        callback = send(FlowJson.call(at(20)).outbound(11, "+905322222222").at(3_000).answer("contact", 0)
                .at(50_000).hangup("user"));
        othersAnswered = send(FlowJson.call(at(30)).inbound("+905325555555").at(2_000).bridge(12).at(40_000)
                .hangup("contact"));
        missedOnOthersNumber = send(FlowJson.call(at(40)).inbound("+905323333333").at(20_500).hangup("contact"));
        missedForAgent = send(FlowJson.call(at(50)).event("init", """
                {"caller": {"number": "+905324444444", "type": "contact"}, "callee": {"number": "101", "type": "user", "id": 11},
                 "number_id": 718}""").at(20_500).hangup("contact"));
        own = Set.of(answered, internal, returnedMissed, callback);
        all = Set.of(answered, internal, returnedMissed, callback, othersAnswered, missedOnOthersNumber, missedForAgent);
    }

    @Test
    void theListInEveryFormHoldsTheAgentsOwnCalls() {
        Api.Response list = api.get("/api/v3/calls?limit=100", agent);
        assertThat(list.status()).isEqualTo(200);
        assertThat(uuids(list.data())).isEqualTo(own);
        assertThat(list.body().path("meta").path("count").asLong()).isEqualTo(4);
        assertThat(uuids(api.get("/api/v3/calls?limit=100", supervisor).data())).isEqualTo(all);

        Set<UUID> paged = new HashSet<>();
        String next = "/api/v3/calls?limit=1";
        while (next != null) {
            Api.Response page = api.get(next, agent);
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body().path("meta").path("count").asLong()).isEqualTo(4);
            paged.addAll(uuids(page.data()));
            JsonNode cursor = page.body().path("meta").path("next_cursor");
            next = cursor.isNull() || cursor.isMissingNode() ? null : "/api/v3/calls?limit=1&cursor=" + cursor.asString();
        }
        assertThat(paged).isEqualTo(own);

        for (String format : new String[] {"ndjson", "csv"}) {
            Api.Response export = api.send(api.request("/api/v3/calls/export?format=" + format, agent).GET());
            assertThat(export.status()).isEqualTo(200);
            assertThat(uuidsIn(export.raw().body())).as(format).isEqualTo(own);
        }
        Api.Response legacy = api.get("/api/v20211124/cdrs?per_page=100", agent);
        assertThat(legacy.status()).isEqualTo(200);
        assertThat(uuidsIn(legacy.raw().body())).isEqualTo(own);
    }

    @Test
    void anotherAgentsCallIsNotFoundEverywhere() {
        String day = BASE.toString().substring(0, 10).replace('-', '/');
        for (UUID call : own) {
            assertThat(api.get("/api/v3/calls/" + call, agent).status()).isEqualTo(200);
        }
        for (UUID call : Set.of(othersAnswered, missedOnOthersNumber, missedForAgent)) {
            assertThat(api.get("/api/v3/calls/" + call, agent).status()).isEqualTo(404);
            assertThat(api.get("/api/v3/calls/" + day + "/" + call, agent).status()).isEqualTo(404);
            assertThat(api.get("/api/v20211124/cdrs/" + day + "/" + call, agent).status()).isEqualTo(404);
            assertThat(api.get("/api/v3/calls/" + call, supervisor).status()).isEqualTo(200);
        }
        assertThat(api.get("/api/v3/calls/" + answered, otherAgent).status()).isEqualTo(404);
        assertThat(api.get("/api/v3/calls/" + internal, otherAgent).status()).isEqualTo(200); // 12 answered it
    }

    @Test
    void mediaOfAnotherAgentsCallIsNotFound() {
        byte[] audio = Audio.bytes(Audio.MP3, 2_000, 7);
        assertThat(putAudio(supervisor, othersAnswered, audio).status()).isEqualTo(201);

        assertThat(putAudio(agent, othersAnswered, audio).status()).isEqualTo(404);
        assertThat(api.send(api.request("/api/v3/calls/" + othersAnswered + "/recording", agent)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"source_url\": \"https://pbx.example.com/a.mp3\"}")))
                .status()).isEqualTo(404);
        assertThat(api.get("/api/v3/calls/" + othersAnswered + "/recording", agent).status()).isEqualTo(404);
        assertThat(api.delete("/api/v3/calls/" + othersAnswered + "/recording", agent).status()).isEqualTo(404);
        assertThat(api.get("/api/v3/calls/" + othersAnswered + "/recording", supervisor).status()).isEqualTo(302);
        // an agent cannot put audio on a call that is not there yet either: it is no call of theirs
        assertThat(putAudio(agent, UUID.randomUUID(), audio).status()).isEqualTo(404);

        assertThat(putAudio(agent, answered, audio).status()).isEqualTo(201);
        assertThat(api.get("/api/v3/calls/" + answered + "/recording", agent).status()).isEqualTo(302);
        // the audit trail names the person beside their key
        assertThat(jdbc.sql("SELECT user_id FROM media_audit WHERE account_id = :a AND call_uuid = :c")
                .param("a", account).param("c", answered).query(Long.class).list()).containsExactly(11L);
        assertThat(jdbc.sql("SELECT user_id FROM media_audit WHERE account_id = :a AND call_uuid = :c")
                .param("a", account).param("c", othersAnswered).query(Long.class).list()).containsExactly(13L);
    }

    @Test
    void theWorklistHoldsTheAgentsNumbersAndOnlyTheirsMayBeDismissed() {
        assertThat(worklistNumbers(agent)).containsExactlyInAnyOrder("+905322222222", "+905324444444");
        assertThat(worklistNumbers(otherAgent)).containsExactlyInAnyOrder("+905322222222", "+905323333333");
        assertThat(worklistNumbers(supervisor))
                .containsExactlyInAnyOrder("+905322222222", "+905323333333", "+905324444444");

        String body = "{\"reason\": \"spam\"}";
        assertThat(api.post("/api/v3/missed-calls/%2B905323333333/dismiss", agent, body).status()).isEqualTo(404);
        assertThat(api.get("/api/v3/missed-calls/%2B905323333333/dismissals", agent).status()).isEqualTo(404);
        assertThat(api.post("/api/v3/missed-calls/%2B905324444444/dismiss", otherAgent, body).status()).isEqualTo(404);
        Api.Response dismissed = api.post("/api/v3/missed-calls/%2B905324444444/dismiss", agent, body);
        assertThat(dismissed.status()).as(dismissed.raw().body()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT dismissed_by_user FROM missed_call_dismissals WHERE account_id = :a"
                        + " AND caller_number = '+905324444444' AND undismissed_at IS NULL").param("a", account).query(Long.class).single())
                .isEqualTo(11L);
        assertThat(api.post("/api/v3/missed-calls/%2B905324444444/undismiss", agent, "{}").status()).isEqualTo(200);
    }

    @Test
    void reportsCountTheAgentsOwnCalls() {
        String period = "from=" + BASE.minus(Duration.ofDays(1)) + "&to=" + BASE.plus(Duration.ofDays(1));
        JsonNode mine = summary(agent, period).path("total");
        JsonNode everyone = summary(supervisor, period).path("total");
        assertThat(mine.path("inbound").asLong()).isEqualTo(2);
        assertThat(mine.path("missed").asLong()).isEqualTo(1);
        assertThat(everyone.path("inbound").asLong()).isEqualTo(5);
        assertThat(everyone.path("missed").asLong()).isEqualTo(3);

        for (String grouping : new String[] {"hour", "weekday_hour", "user"}) {
            JsonNode report = summary(agent, period + "&group_by=" + grouping);
            assertThat(report.path("total").path("inbound").asLong()).as(grouping).isEqualTo(2);
            long inBuckets = 0;
            for (JsonNode bucket : report.path("buckets")) {
                inBuckets += bucket.path("inbound").asLong();
            }
            assertThat(inBuckets).as(grouping).isEqualTo(2);
        }
        // whole local days: what the day roll-ups would answer for everyone
        JsonNode days = summary(agent, "from=" + BASE.minus(Duration.ofDays(3)).toString().substring(0, 10)
                + "&to=" + BASE.plus(Duration.ofDays(2)).toString().substring(0, 10) + "&group_by=day");
        assertThat(days.path("total").path("inbound").asLong()).isEqualTo(2);
    }

    @Test
    void thePagesShowTheAgentsOwnCalls() {
        PageClient page = new PageClient(port);
        assertThat(page.signIn(agent)).isEqualTo(302);
        String log = page.get("/calls?from=" + BASE.minus(Duration.ofDays(1)).toString().substring(0, 10)).body();
        assertThat(log).contains(answered.toString()).doesNotContain(othersAnswered.toString())
                .doesNotContain(missedOnOthersNumber.toString());
        assertThat(page.get("/calls/" + answered).statusCode()).isEqualTo(200);
        assertThat(page.get("/calls/" + othersAnswered).statusCode()).isEqualTo(404);
        assertThat(uuidsIn(page.get("/calls/export?format=ndjson").body())).isEqualTo(own);
        String missed = page.get("/missed-calls?status=all").body();
        assertThat(missed).contains("4444").doesNotContain("3333");

        String dashboard = "/dashboard/tiles?from=" + BASE.minus(Duration.ofDays(3)).toString().substring(0, 10)
                + "&to=" + BASE.plus(Duration.ofDays(2)).toString().substring(0, 10);
        assertThat(tile(page.get(dashboard).body(), "inbound")).isEqualTo("2");

        PageClient lead = new PageClient(port);
        assertThat(lead.signIn(supervisor)).isEqualTo(302);
        assertThat(lead.get("/calls/" + othersAnswered).statusCode()).isEqualTo(200);
        assertThat(lead.get("/missed-calls?status=all").body()).contains("3333");
        assertThat(tile(lead.get(dashboard).body(), "inbound")).isEqualTo("5");

        // what a person did is shown with their name; an account key stays a key
        assertThat(api.post("/api/v3/missed-calls/%2B905324444444/dismiss", agent, "{\"reason\": \"spam\"}").status())
                .isEqualTo(200);
        assertThat(api.post("/api/v3/missed-calls/%2B905323333333/dismiss", admin, "{\"reason\": \"spam\"}").status())
                .isEqualTo(200);
        String lines = lead.get("/missed-calls?status=all").body();
        long adminKey = jdbc.sql("SELECT min(id) FROM api_keys WHERE account_id = :a").param("a", account)
                .query(Long.class).single();
        assertThat(lines).contains("by Ayşe Yılmaz").contains("by API key " + adminKey);
        assertThat(api.post("/api/v3/missed-calls/%2B905324444444/undismiss", agent, "{}").status()).isEqualTo(200);
        assertThat(api.post("/api/v3/missed-calls/%2B905323333333/undismiss", admin, "{}").status()).isEqualTo(200);
    }

    /** The value a dashboard tile shows. */
    private static String tile(String html, String measure) {
        Matcher m = Pattern.compile("id=\"tile-" + measure + "\">\\s*<div class=\"name\">[^<]*</div>\\s*"
                + "<div class=\"value\">([^<]*)<").matcher(html);
        assertThat(m.find()).as(html).isTrue();
        return m.group(1);
    }

    private UUID send(FlowJson call) {
        Api.Response sent = api.post("/api/v3/call-events", admin, call.array());
        assertThat(sent.status()).as(sent.raw().body()).isEqualTo(202);
        return call.uuid();
    }

    private Api.Response putAudio(String key, UUID call, byte[] audio) {
        return api.send(api.request("/api/v3/calls/" + call + "/recording", key).header("Content-Type", Audio.MP3)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(audio)));
    }

    private Set<String> worklistNumbers(String key) {
        Api.Response list = api.get("/api/v3/missed-calls?status=all&limit=100", key);
        assertThat(list.status()).as(list.raw().body()).isEqualTo(200);
        Set<String> numbers = new HashSet<>();
        list.data().forEach(line -> numbers.add(line.path("number").asString()));
        return numbers;
    }

    private JsonNode summary(String key, String parameters) {
        Api.Response report = api.get("/api/v3/reports/summary?" + parameters.replace("+", "%2B"), key);
        assertThat(report.status()).as(report.raw().body()).isEqualTo(200);
        return report.data();
    }

    private static Set<UUID> uuids(JsonNode records) {
        Set<UUID> uuids = new HashSet<>();
        records.forEach(r -> uuids.add(UUID.fromString(r.path("uuid").asString())));
        return uuids;
    }

    /** The uuids of the calls among {@code all} that a text names. */
    private Set<UUID> uuidsIn(String text) {
        Set<UUID> found = new HashSet<>();
        Matcher m = UUIDS.matcher(text);
        while (m.find()) {
            UUID uuid = UUID.fromString(m.group());
            if (all.contains(uuid)) {
                found.add(uuid);
            }
        }
        return found;
    }

    private static String at(long minutesAfterBase) {
        return BASE.plus(Duration.ofMinutes(minutesAfterBase)).toString();
    }
}
