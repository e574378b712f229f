package io.callrecords.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.callrecords.calls.FlowJson;
import io.callrecords.support.Api;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Numbers with hundreds of missed calls (a robocaller, a caller returned in the end, one dismissed as spam, one
 * denylisted) among ordinary callers: every page of every status, followed by its cursor, serves exactly the lines
 * that the worklist's rules give when applied to the period's records one by one (reports.md "Missed-call
 * worklist"): the same lines with the same counts, reasons, times and callback, in the same order, and the same
 * {@code meta.count} on every page.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorklistManyCallsTest extends ReportsTestSupport {

    static final String ROBOCALLER = "+905329990001";
    static final String RETURNED_IN_THE_END = "+905329990002";
    static final String SPAM = "+905329990003";
    static final String DENYLISTED = "+905559990000";
    static final int ROBOCALLS = 300;

    /** Twenty days ago on the hour: the calls take the next week, inside the default period (the last 30 days). */
    private static final Instant START = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofDays(20));

    @Autowired
    JdbcClient jdbc;

    private String key;
    private long account;

    @BeforeAll
    void calls() {
        key = newAccount("worklist many calls", 1_000_000);
        Api.Response settings = api.patch("/api/v3/account/settings", key, """
                {"default_region": "TR", "denylist": ["%s"], "effective_from": "2026-01-01T00:00:00Z"}"""
                .formatted(DENYLISTED));
        assertThat(settings.status()).as(settings.raw().body()).isEqualTo(200);
        account = jdbc.sql("SELECT id FROM accounts WHERE name = 'worklist many calls'").query(Long.class).single();

        List<FlowJson> calls = new ArrayList<>();
        // The robocaller: a call every 30 minutes for 150 hours, a third of them hung up at once. Someone calls back
        // after 100 hours, which returns the 200 calls before; the 100 after stay unreturned.
        for (int i = 0; i < ROBOCALLS; i++) {
            calls.add(missed(ROBOCALLER, START.plus(Duration.ofMinutes(30L * i)), i % 3 == 0));
        }
        calls.add(callback(ROBOCALLER, START.plus(Duration.ofHours(100))));
        // 120 calls every 30 minutes, all returned by a call after the last.
        for (int i = 0; i < 120; i++) {
            calls.add(missed(RETURNED_IN_THE_END, START.plus(Duration.ofMinutes(15 + 30L * i)), false));
        }
        calls.add(callback(RETURNED_IN_THE_END, START.plus(Duration.ofHours(61))));
        // 150 calls every 20 minutes, dismissed as spam below.
        for (int i = 0; i < 150; i++) {
            calls.add(missed(SPAM, START.plus(Duration.ofMinutes(5 + 20L * i)), i % 2 == 0));
        }
        // 100 calls of a denylisted number: never in the worklist, but in the walk's way.
        for (int i = 0; i < 100; i++) {
            calls.add(missed(DENYLISTED, START.plus(Duration.ofMinutes(10 + 7L * i)), false));
        }
        // 40 ordinary callers, one to four calls each, spread over the week; every fifth called back.
        for (int n = 0; n < 40; n++) {
            String number = "+9053210%05d".formatted(n);
            int missedCalls = 1 + n % 4;
            for (int i = 0; i < missedCalls; i++) {
                calls.add(missed(number, START.plus(Duration.ofMinutes((n * 257L + i * 1_301L) % 9_000)), n % 3 == 1));
            }
            if (n % 5 == 0) {
                calls.add(callback(number, START.plus(Duration.ofMinutes(9_100))));
            }
        }
        for (int from = 0; from < calls.size(); from += 100) {
            List<String> events = calls.subList(from, Math.min(calls.size(), from + 100)).stream()
                    .flatMap(call -> call.events().stream()).toList();
            Api.Response sent = api.post("/api/v3/call-events", key, FlowJson.array(events));
            assertThat(sent.status()).as(sent.raw().body()).isEqualTo(202);
        }
        Api.Response dismissed = api.post("/api/v3/missed-calls/%2B905329990003/dismiss", key, "{\"reason\": \"spam\"}");
        assertThat(dismissed.status()).as(dismissed.raw().body()).isEqualTo(200);
    }

    private static FlowJson missed(String number, Instant start, boolean shortAbandoned) {
        return FlowJson.call(start.toString()).inbound(number).at(shortAbandoned ? 1_000 : 20_500).hangup("contact");
    }

    private static FlowJson callback(String number, Instant start) {
        return FlowJson.call(start.toString()).outbound(42, number).at(3_000).answer("contact", 0).at(50_000)
                .hangup("user");
    }

    @Test
    void theRulesGiveTheLinesTheCallsWereMadeFor() {
        Map<String, Line> lines = expected(period(""), "all", null, null).stream()
                .collect(Collectors.toMap(Line::number, line -> line));
        assertThat(lines.get(ROBOCALLER)).extracting(Line::missedCalls, Line::returned, Line::unreturned, Line::status)
                .containsExactly((long) ROBOCALLS, 200L, 100L, "unreturned");
        assertThat(lines.get(RETURNED_IN_THE_END)).extracting(Line::missedCalls, Line::returned, Line::status)
                .containsExactly(120L, 120L, "returned");
        assertThat(lines.get(SPAM)).extracting(Line::missedCalls, Line::unreturned, Line::status)
                .containsExactly(150L, 0L, "dismissed");
        assertThat(lines).doesNotContainKey(DENYLISTED).hasSize(43);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"", "status=returned", "status=dismissed", "status=all", "status=unreturned&reason=abandoned",
            "status=all&reason=short_abandoned", "status=all&number=53299900", "number=%2B9053210"})
    void everyPageFollowsTheRules(String query) {
        String status = parameter(query, "status", "unreturned");
        String reason = parameter(query, "reason", null);
        String number = parameter(query, "number", null);
        List<Line> expected = expected(period(query), status, reason, number == null ? null : number.replace("%2B", "+"));
        assertThat(expected).as("the query selects lines").isNotEmpty();
        for (int limit : new int[] {7, 50, 500}) {
            assertThat(pages(query, limit, expected.size())).as("limit=" + limit + "&" + query)
                    .containsExactlyElementsOf(expected);
        }
    }

    /** Every page of the query at this limit, checking meta.count on each; the lines in the order served. */
    private List<Line> pages(String query, int limit, int count) {
        List<Line> served = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Api.Response page = list(join(query, "limit=" + limit, cursor == null ? "" : "cursor=" + cursor));
            page.data().forEach(line -> served.add(Line.of(line)));
            assertThat(page.body().path("meta").path("count").asInt()).as("meta.count of page " + pages)
                    .isEqualTo(count);
            JsonNode next = page.body().path("meta").path("next_cursor");
            cursor = next.isNull() ? null : next.asString();
            pages++;
        } while (cursor != null && pages <= count);
        assertThat(pages).isEqualTo(Math.max(1, (count + limit - 1) / limit));
        return served;
    }

    private Api.Response list(String query) {
        Api.Response answer = api.get("/api/v3/missed-calls" + (query.isEmpty() ? "" : "?" + query), key);
        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(200);
        return answer;
    }

    /** The period the list reads for these parameters (the last 30 days), as it says in meta. */
    private Instant[] period(String query) {
        JsonNode meta = list(join(query, "limit=1")).body().path("meta");
        return new Instant[] {Instant.parse(meta.path("from").asString()), Instant.parse(meta.path("to").asString())};
    }

    private static String join(String... parameters) {
        return Arrays.stream(parameters).filter(p -> !p.isEmpty()).collect(Collectors.joining("&"));
    }

    private static String parameter(String query, String name, String absent) {
        for (String pair : query.split("&")) {
            if (pair.startsWith(name + "=")) {
                return pair.substring(name.length() + 1);
            }
        }
        return absent;
    }

    /** One missed call of the worklist's (denylisted ones aside), as stored. */
    private record Call(UUID uuid, String number, Instant startedAt, String reason, UUID callback) {}

    /**
     * The lines of the period by the worklist's rules, applied call by call: one line per number; unreturned while a
     * call has no callback and started at or after the active dismissal (if any); else dismissed when a call has no
     * callback; else returned. Unreturned lines by their first call, oldest first; the others by their last, newest
     * first; ties by the call's uuid.
     */
    private List<Line> expected(Instant[] period, String status, String reason, String number) {
        List<Call> calls = jdbc.sql("""
                        SELECT uuid, caller_number, started_at, missing_call_reason, callback_cdr_uuid FROM call_records
                        WHERE account_id = :account AND missing_call AND missing_call_reason IS DISTINCT FROM 'denylist'
                          AND started_at >= :from AND started_at < :to""")
                .param("account", account)
                .param("from", period[0].atOffset(ZoneOffset.UTC))
                .param("to", period[1].atOffset(ZoneOffset.UTC))
                .query((rs, n) -> new Call(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getObject(3, OffsetDateTime.class).toInstant(), rs.getString(4),
                        rs.getObject(5, UUID.class)))
                .list();
        Map<String, Instant> dismissedAt = new HashMap<>();
        jdbc.sql("SELECT caller_number, dismissed_at FROM missed_call_dismissals WHERE account_id = :account"
                        + " AND undismissed_at IS NULL")
                .param("account", account)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant()))
                .list()
                .forEach(e -> dismissedAt.put(e.getKey(), e.getValue()));
        // PostgreSQL orders uuids by their bytes, unsigned: as their text (UUID.compareTo compares signed longs).
        Comparator<Call> byStart = Comparator.comparing(Call::startedAt).thenComparing(c -> c.uuid().toString());
        Map<String, List<Call>> byNumber = calls.stream().collect(Collectors.groupingBy(Call::number));
        record Keyed(Line line, Call key) {}
        List<Keyed> lines = new ArrayList<>();
        byNumber.forEach((caller, theirs) -> {
            theirs.sort(byStart);
            Instant dismissal = dismissedAt.get(caller);
            Map<String, Long> reasons = new LinkedHashMap<>();
            for (String r : List.of("out_of_business_hours", "callback", "short_abandoned", "abandoned")) {
                long n = theirs.stream().filter(c -> r.equals(c.reason())).count();
                if (n > 0) {
                    reasons.put(r, n);
                }
            }
            Predicate<Call> unreturned = c -> c.callback() == null
                    && (dismissal == null || !c.startedAt().isBefore(dismissal));
            long unreturnedCalls = theirs.stream().filter(unreturned).count();
            String lineStatus = unreturnedCalls > 0 ? "unreturned"
                    : theirs.stream().anyMatch(c -> c.callback() == null) ? "dismissed" : "returned";
            UUID callback = theirs.reversed().stream().map(Call::callback).filter(Objects::nonNull)
                    .findFirst().orElse(null);
            Line line = new Line(caller, theirs.size(), theirs.getFirst().startedAt(), theirs.getLast().startedAt(),
                    new TreeMap<>(reasons), theirs.stream().filter(c -> c.callback() != null).count(), unreturnedCalls,
                    lineStatus, callback);
            lines.add(new Keyed(line, "unreturned".equals(status) ? theirs.getFirst() : theirs.getLast()));
        });
        Comparator<Keyed> order = Comparator.comparing(Keyed::key, byStart);
        return lines.stream()
                .filter(k -> "all".equals(status) || k.line().status().equals(status))
                .filter(k -> reason == null || k.line().reasons().containsKey(reason))
                .filter(k -> number == null || k.line().number().contains(number))
                .sorted("unreturned".equals(status) ? order : order.reversed())
                .map(Keyed::line)
                .toList();
    }

    /** What a served line says about its calls (its contact and dismissal are other tests' business). */
    private record Line(String number, long missedCalls, Instant firstMissedAt, Instant lastMissedAt,
                        Map<String, Long> reasons, long returned, long unreturned, String status, UUID callbackCdrUuid) {

        static Line of(JsonNode line) {
            Map<String, Long> reasons = new TreeMap<>();
            line.path("reasons").properties().forEach(e -> reasons.put(e.getKey(), e.getValue().asLong()));
            JsonNode callback = line.path("callback_cdr_uuid");
            return new Line(line.path("number").asString(), line.path("missed_calls").asLong(),
                    Instant.parse(line.path("first_missed_at").asString()),
                    Instant.parse(line.path("last_missed_at").asString()), reasons, line.path("returned").asLong(),
                    line.path("unreturned").asLong(), line.path("status").asString(),
                    callback.isNull() ? null : UUID.fromString(callback.asString()));
        }
    }
}
