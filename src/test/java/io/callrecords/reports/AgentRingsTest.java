package io.callrecords.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.callrecords.support.Api;
import io.callrecords.support.TestPersonalKeys;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The rings of each user in a report by user (reports.md, V21): a ring they rejected or let run out counts against
 * them, also on a call that someone else took, and their answer rate is of their rings.
 *
 * <pre>
 * C1  rings 7, who rejects it (bridge_fail); rings 8, who takes it          7: 1 ring, missed; 8: 1 ring, answered
 * C2  rings 7 for 20 s, nothing; rings 8, who takes it                     7: 1 ring, ran out; 8: 1 ring, answered
 * C3  rings 7, who takes it                                                 7: 1 ring, answered
 * C4  rings 8, no answer (bridge_fail); the caller hangs up: a missed call  8: 1 ring, missed
 * </pre>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AgentRingsTest extends ReportsTestSupport {

    private static final String PERIOD = "from=2026-05-04&to=2026-05-05&timezone=UTC&group_by=user";
    private static final Instant DAY = Instant.parse("2026-05-04T09:00:00Z");

    @Autowired
    JdbcClient jdbc;

    private String key;
    private String agentKey;

    @BeforeAll
    void calls() {
        key = newAccount("rings");
        TestPersonalKeys people = new TestPersonalKeys(api, jdbc);
        long account = people.accountOf(key);
        people.user(account, 7, "Ayşe Yılmaz", "agent");
        people.user(account, 8, "Mehmet Demir", "agent");
        agentKey = people.key(key, 7);
        sendCall(key, DAY, List.of(init(), event("route", 1, "{\"type\": \"team\", \"id\": 5}"),
                ring(2, "bridge_attempt", 7), fail(8, 7, "rejected"), ring(10, "bridge_attempt", 8),
                ring(15, "bridge", 8), hangup(75)));
        sendCall(key, DAY.plusSeconds(600), List.of(init(), ring(1, "bridge_attempt", 7), ring(21, "bridge_attempt", 8),
                ring(25, "bridge", 8), hangup(60)));
        sendCall(key, DAY.plusSeconds(1200), List.of(init(), ring(1, "bridge_attempt", 7), ring(5, "bridge", 7),
                hangup(65)));
        sendCall(key, DAY.plusSeconds(1800), List.of(init(), ring(1, "bridge_attempt", 8), fail(20, 8, "no_answer"),
                hangup(25)));
    }

    @Test
    void ringsTheyLetPassCountAgainstThem() {
        JsonNode buckets = summary(key).path("buckets");
        JsonNode seven = bucket(buckets, "7");
        assertThat(seven.path("answered").asLong()).isEqualTo(1);
        assertThat(seven.path("rings").asLong()).isEqualTo(3);
        assertThat(seven.path("rings_answered").asLong()).isEqualTo(1);
        assertThat(seven.path("missed_rings").asLong()).isEqualTo(2);
        assertThat(seven.path("answer_rate").asDouble()).isEqualTo(0.3333);
        JsonNode eight = bucket(buckets, "8");
        assertThat(eight.path("answered").asLong()).isEqualTo(2);
        assertThat(eight.path("rings").asLong()).isEqualTo(3);
        assertThat(eight.path("missed_rings").asLong()).isEqualTo(1);
        assertThat(eight.path("answer_rate").asDouble()).isEqualTo(0.6667);
        // The calls nobody took have no user, and no rings; the total keeps the account's answer rate (3 of 4).
        assertThat(bucket(buckets, "none").path("rings").asLong()).isZero();
        JsonNode total = summary(key).path("total");
        assertThat(total.path("rings").asLong()).isEqualTo(6);
        assertThat(total.path("missed_rings").asLong()).isEqualTo(3);
        assertThat(total.path("answer_rate").asDouble()).isEqualTo(0.75);
    }

    @Test
    void anAgentSeesTheirOwnRingsAndNoOneElses() {
        JsonNode buckets = summary(agentKey).path("buckets");
        JsonNode seven = bucket(buckets, "7");
        assertThat(seven.path("rings").asLong()).isEqualTo(3); // C1 and C2 are not theirs to see, their rings are
        assertThat(seven.path("missed_rings").asLong()).isEqualTo(2);
        for (JsonNode b : buckets) {
            if (!b.path("key").asString().equals("7")) {
                assertThat(b.path("rings").asLong()).as(b.toString()).isZero();
            }
        }
        assertThat(summary(agentKey).path("total").path("rings").asLong()).isEqualTo(3);
    }

    @Test
    void theCsvHasTheRings() {
        String csv = api.get("/api/v3/reports/summary?" + PERIOD + "&format=csv", key).raw().body();
        String header = csv.substring(0, csv.indexOf("\r\n"));
        assertThat(header).endsWith(",callbacks_made,rings,rings_answered,missed_rings,user_id,id,name");
        assertThat(csv).contains(",3,1,2,7,7,Ayşe Yılmaz\r\n"); // rings, rings answered, missed rings, ids, name
    }

    private JsonNode summary(String apiKey) {
        Api.Response response = api.get("/api/v3/reports/summary?" + PERIOD, apiKey);
        assertThat(response.status()).as(response.raw().body()).isEqualTo(200);
        return response.data();
    }

    private static JsonNode bucket(JsonNode buckets, String key) {
        for (JsonNode b : buckets) {
            if (b.path("key").asString().equals(key)) {
                return b;
            }
        }
        throw new AssertionError("no bucket " + key + " in " + buckets);
    }

    private static String[] init() {
        return event("init", 0, """
                {"caller": {"number": "+493012345678", "type": "contact"}, "callee": {"number": "+493099990000",
                 "type": "team", "id": 5}}""".replace("\n", " "));
    }

    private static String[] ring(int second, String action, long user) {
        return event(action, second, "{\"type\": \"user\", \"id\": %d}".formatted(user));
    }

    private static String[] fail(int second, long user, String result) {
        return event("bridge_fail", second, "{\"type\": \"user\", \"id\": %d, \"result\": \"%s\"}".formatted(user, result));
    }

    private static String[] hangup(int second) {
        return event("hangup", second, "{\"hangup_by\": \"contact\"}");
    }
}
