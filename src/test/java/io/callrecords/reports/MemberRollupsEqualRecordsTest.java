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
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;

/**
 * The users' and teams' day roll-ups (V27) give a report by user or by team exactly what the records give it
 * (report_facts and report_rings over the period's records, as before the roll-ups): two simulated days around a
 * change to summer time, whose events arrive shuffled (late events, callbacks before the calls they return) in
 * batches of random size, with folds in between and the days built again from the records half-way through.
 */
@OwnApp // folds the pending changes of every account
class MemberRollupsEqualRecordsTest extends AppTestSupport {

    private static final CallCenter CENTER = CallCenter.withAgents(10);
    private static final LocalDate FIRST_DAY = LocalDate.parse("2026-03-28");
    private static final Instant START = FIRST_DAY.atStartOfDay(CENTER.zone()).toInstant();

    @Autowired
    JdbcClient jdbc;

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
        while (sent < events.size()) {
            int size = Math.min(events.size() - sent, 1 + random.nextInt(400));
            Api.Response posted = api.post("/api/v3/call-events", key,
                    "[" + String.join(",", events.subList(sent, sent + size)) + "]");
            assertThat(posted.status()).as(posted.raw().body()).isEqualTo(202);
            sent += size;
            if (++batches % 3 == 0) {
                folding.fold();
            }
            if (!rebuilt && sent > events.size() / 2) {
                dayRollups.rebuild(account, zone); // built from the records while changes wait to be folded
                rebuilt = true;
            }
        }

        assertSameAsFromRecords(account, zone); // with changes not folded yet
        while (folding.fold() > 0) {
            // fold everything
        }
        assertThat(jdbc.sql("SELECT count(*) FROM report_member_fact_changes").query(Long.class).single()).isZero();
        assertSameAsFromRecords(account, zone);
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
