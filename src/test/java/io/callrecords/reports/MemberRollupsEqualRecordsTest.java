package io.callrecords.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.callrecords.simulator.AccountSetup;
import io.callrecords.simulator.CallCenter;
import io.callrecords.simulator.ServiceClient;
import io.callrecords.simulator.SimulatedCall;
import io.callrecords.simulator.SimulatedEvent;
import io.callrecords.simulator.TrafficSimulation;
import io.callrecords.support.Api;
import io.callrecords.support.AppTestSupport;
import io.callrecords.support.OwnApp;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.util.LinkedMultiValueMap;

/**
 * The users' and teams' day roll-ups (V27) give a report by user or by team exactly what the records give it
 * (report_facts and report_rings over the period's records, as before the roll-ups): two simulated days around a
 * change to summer time, whose events arrive shuffled (late events, callbacks before the calls they return) in
 * batches of random size, with folds in between and the days built again from the records half-way through.
 */
@OwnApp // folds the pending changes of every account
@TestPropertySource(properties = "callrecords.reports.fold-interval=1h") // only the test folds (once at start-up)
class MemberRollupsEqualRecordsTest extends AppTestSupport {

    private static final CallCenter CENTER = CallCenter.withAgents(10);
    private static final LocalDate FIRST_DAY = LocalDate.parse("2026-03-28");
    private static final Instant START = FIRST_DAY.atStartOfDay(CENTER.zone()).toInstant();

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    FactFolding folding;

    @Autowired
    DayRollups dayRollups;

    @Autowired
    ReportQueries queries;

    @Test
    void reportsByUserAndTeamFromTheRollUpsEqualThoseFromTheRecords() {
        String key = newAccount("members", 1_000_000);
        ServiceClient service = new ServiceClient(URI.create("http://127.0.0.1:" + port), key);
        new AccountSetup(service).apply(CENTER, START);
        long account = jdbc.sql("SELECT id FROM accounts WHERE name = 'members'").query(Long.class).single();
        String zone = CENTER.zone().getId();
        dayRollups.rebuild(account, zone); // from now on, every fold adds to the members' days too

        List<String> events = new ArrayList<>();
        TrafficSimulation simulation = new TrafficSimulation(CENTER, 7, START, START.plus(Duration.ofDays(2)), 1_500);
        while (simulation.hasNext()) {
            SimulatedCall call = simulation.next();
            for (SimulatedEvent event : call.events()) {
                events.add(event.toJson(CENTER.zone()));
            }
        }
        Random random = new Random(13);
        Collections.shuffle(events, random);
        int sent = 0;
        int batches = 0;
        boolean rebuilt = false;
        long pendingSeen = 0;
        long takenBackSeen = 0;
        while (sent < events.size()) {
            int size = Math.min(events.size() - sent, 1 + random.nextInt(400));
            Api.Response posted = api.post("/api/v3/call-events", key,
                    "[" + String.join(",", events.subList(sent, sent + size)) + "]");
            assertThat(posted.status()).as(posted.raw().body()).isEqualTo(202);
            sent += size;
            // a write marks its records (V30); only a record changed after its facts were folded appends, to take
            // them back
            pendingSeen = Math.max(pendingSeen, count("SELECT count(*) FROM report_member_pending"));
            takenBackSeen = Math.max(takenBackSeen, count("SELECT count(*) FROM report_member_fact_changes"));
            assertThat(count("SELECT count(*) FROM report_member_fact_changes WHERE calls >= 0")).isZero();
            if (++batches % 3 == 0) {
                folding.fold();
            }
            if (!rebuilt && sent > events.size() / 2) {
                dayRollups.rebuild(account, zone); // built from the records while changes wait to be folded
                rebuilt = true;
            }
        }

        assertThat(pendingSeen).isPositive();
        assertThat(takenBackSeen).isPositive();
        assertSameAsFromRecords(account, zone); // with changes not folded yet
        foldEverything();
        assertSameAsFromRecords(account, zone);

        // folded records changed (a user and a team taken off, a call flow cut short), and some of them deleted
        jdbc.sql("""
                        UPDATE call_records SET user_id = NULL, call_flow = '[]'
                        WHERE account_id = :account AND ended_at IS NOT NULL AND get_byte(uuid_send(uuid), 15) < 40""")
                .param("account", account).update();
        assertSameAsFromRecords(account, zone);
        int deleted = jdbc.sql("""
                        DELETE FROM call_records
                        WHERE account_id = :account AND ended_at IS NOT NULL AND get_byte(uuid_send(uuid), 14) < 40""")
                .param("account", account).update();
        assertThat(deleted).isPositive();
        assertSameAsFromRecords(account, zone);
        foldEverything();
        assertSameAsFromRecords(account, zone);
    }

    /**
     * A record written while the fold runs is left pending by the fold (which does not wait for it) and counted once:
     * from its old facts before the write commits, from its new ones after.
     */
    @Test
    void aRecordWrittenDuringAFoldStaysPendingAndCountsOnce() throws Exception {
        String key = newAccount("members-writing", 1_000_000);
        ServiceClient service = new ServiceClient(URI.create("http://127.0.0.1:" + port), key);
        new AccountSetup(service).apply(CENTER, START);
        long account = jdbc.sql("SELECT id FROM accounts WHERE name = 'members-writing'").query(Long.class).single();
        String zone = CENTER.zone().getId();
        dayRollups.rebuild(account, zone);
        List<String> events = new ArrayList<>();
        TrafficSimulation simulation = new TrafficSimulation(CENTER, 11, START, START.plus(Duration.ofDays(2)), 1_500);
        while (simulation.hasNext()) {
            for (SimulatedEvent event : simulation.next().events()) {
                events.add(event.toJson(CENTER.zone()));
            }
        }
        for (int sent = 0; sent < events.size(); sent += 500) {
            Api.Response posted = api.post("/api/v3/call-events", key,
                    "[" + String.join(",", events.subList(sent, Math.min(events.size(), sent + 500))) + "]");
            assertThat(posted.status()).as(posted.raw().body()).isEqualTo(202);
        }
        foldEverything();
        String written = jdbc.sql("""
                        SELECT uuid::text FROM call_records
                        WHERE account_id = :account AND ended_at IS NOT NULL AND user_id IS NOT NULL
                        ORDER BY uuid LIMIT 1""")
                .param("account", account).query(String.class).single();
        int changed = jdbc.sql("""
                        UPDATE call_records SET call_flow = '[]'
                        WHERE account_id = :account AND ended_at IS NOT NULL
                          AND (uuid = CAST(:uuid AS uuid) OR get_byte(uuid_send(uuid), 15) < 60)""")
                .param("account", account).param("uuid", written).update(); // pending records, the written one too
        assertThat(count("SELECT count(*) FROM report_member_pending")).isEqualTo(changed).isGreaterThan(1);

        try (Connection writer = dataSource.getConnection()) {
            writer.setAutoCommit(false);
            try (PreparedStatement update = writer.prepareStatement("""
                    UPDATE call_records SET user_id = NULL, call_flow = '[]'
                    WHERE account_id = ? AND uuid = CAST(? AS uuid)""")) {
                update.setLong(1, account);
                update.setString(2, written);
                assertThat(update.executeUpdate()).isOne();
            }
            assertThat(folding.fold()).isPositive(); // does not wait for the writer
            // the others folded, the one being written skipped
            assertThat(count("SELECT count(*) FROM report_member_pending")).as("the record being written").isOne();
            assertThat(count("SELECT count(*) FROM report_member_pending WHERE uuid = '" + written + "'")).isOne();
            assertSameAsFromRecords(account, zone); // the old facts: the write is not committed
            writer.commit();
        }
        assertSameAsFromRecords(account, zone);
        foldEverything();
        assertSameAsFromRecords(account, zone);
    }

    private void foldEverything() {
        while (folding.fold() > 0) {
            // fold everything
        }
        assertThat(count("SELECT count(*) FROM report_member_fact_changes")).isZero();
        assertThat(count("SELECT count(*) FROM report_member_pending")).isZero();
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private void assertSameAsFromRecords(long account, String zone) {
        for (ReportGrouping grouping : List.of(ReportGrouping.USER, ReportGrouping.TEAM)) {
            for (String[] period : new String[][] {{"2026-03-28", "2026-03-30"}, {"2026-03-29", "2026-03-30"}}) {
                ReportRequest request = request(period[0], period[1], zone, grouping);
                DayRollups.Days days = dayRollups.answering(account, request).orElseThrow();
                Map<String, String> fromDays = described(queries.byDimensionFromDays(account, request, days));
                Map<String, String> fromRecords = described(queries.byDimensionFromRecords(account, null, request));
                assertThat(fromDays).as(grouping + " " + period[0]).isEqualTo(fromRecords);
                assertThat(fromRecords.size()).as("buckets of " + grouping).isGreaterThan(grouping == ReportGrouping.USER ? 2 : 0);
                // the answering path is the roll-ups' one
                assertThat(described(queries.byDimension(account, null, request))).isEqualTo(fromRecords);
            }
        }
        Map<String, String> users = described(queries.byDimensionFromRecords(account, null,
                request("2026-03-28", "2026-03-30", zone, ReportGrouping.USER)));
        assertThat(users.values()).anyMatch(facts -> !facts.contains("rings 0/"));
    }

    private static ReportRequest request(String from, String to, String zone, ReportGrouping grouping) {
        LinkedMultiValueMap<String, String> parameters = new LinkedMultiValueMap<>();
        parameters.add("from", from);
        parameters.add("to", to);
        parameters.add("timezone", zone);
        parameters.add("group_by", grouping == ReportGrouping.USER ? "user" : "team");
        return ReportRequest.read(parameters, CENTER.zone(), Instant.parse("2026-04-10T00:00:00Z"));
    }

    /** Every figure a bucket holds, as text, per bucket. */
    private static Map<String, String> described(ReportQueries.Sums sums) {
        Map<String, String> described = new TreeMap<>();
        sums.byBucket().forEach((bucket, facts) -> {
            StringBuilder text = new StringBuilder();
            for (ReportMeasure measure : ReportMeasure.values()) {
                text.append(measure).append(' ').append(facts.calls(measure)).append('/').append(facts.total(measure))
                        .append(", ");
            }
            text.append("answer p50 ").append(facts.secondsToAnswer().percentile(0.5))
                    .append(" p90 ").append(facts.secondsToAnswer().percentile(0.9))
                    .append(" within 20 s ").append(facts.secondsToAnswer().atMost(20))
                    .append(", callback p50 ").append(facts.secondsToCallback().percentile(0.5))
                    .append(", dismissed ").append(facts.dismissed).append(", callbacks made ").append(facts.callbacksMade)
                    .append(", rings ").append(facts.rings).append('/').append(facts.ringsAnswered);
            described.put(String.valueOf(bucket), text.toString());
        });
        return described;
    }
}
