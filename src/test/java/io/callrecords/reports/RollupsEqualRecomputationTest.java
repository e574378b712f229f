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
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Roll-ups kept in the transactions of intake equal a from-scratch computation over the records, whatever the order
 * in which events arrive: two simulated days whose events are shuffled (late events, callbacks that arrive before
 * the calls they return, hangups before inits) and posted in batches of random size, with folds in between. The
 * day roll-ups, kept by the same folds, equal the recomputation by local day.
 */
@OwnApp // counts the pending fact changes of every account
class RollupsEqualRecomputationTest extends AppTestSupport {

    private static final CallCenter CENTER = CallCenter.withAgents(10);
    private static final Instant START = LocalDate.parse("2026-03-28").atStartOfDay(CENTER.zone()).toInstant();

    @Autowired
    JdbcClient jdbc;

    @Autowired
    FactFolding folding;

    @Autowired
    DayRollups dayRollups;

    @Test
    void rollUpsEqualARecomputationAfterShuffledEventsAndFolds() {
        String key = newAccount("rollups", 1_000_000);
        ServiceClient service = new ServiceClient(URI.create("http://127.0.0.1:" + port), key);
        new AccountSetup(service).apply(CENTER, START);
        long account = jdbc.sql("SELECT id FROM accounts WHERE name = 'rollups'").query(Long.class).single();
        dayRollups.rebuild(account, CENTER.zone().getId()); // from now on, every fold adds to the days too

        List<String> events = new ArrayList<>();
        TrafficSimulation simulation = new TrafficSimulation(CENTER, 7, START, START.plus(Duration.ofDays(2)), 1_500);
        while (simulation.hasNext()) {
            SimulatedCall call = simulation.next();
            for (SimulatedEvent event : call.events()) {
                events.add(event.toJson(CENTER.zone()));
            }
        }
        Random random = new Random(11);
        Collections.shuffle(events, random);
        int sent = 0;
        int batches = 0;
        while (sent < events.size()) {
            int size = Math.min(events.size() - sent, 1 + random.nextInt(400));
            Api.Response posted = api.post("/api/v3/call-events", key,
                    "[" + String.join(",", events.subList(sent, sent + size)) + "]");
            assertThat(posted.status()).as(posted.raw().body()).isEqualTo(202);
            sent += size;
            if (++batches % 3 == 0) {
                folding.fold();
            }
        }

        Map<List<Long>, List<Long>> recomputed = recomputed(account);
        assertThat(recomputed).isNotEmpty();
        assertThat(rollUps(account)).isEqualTo(recomputed);
        while (folding.fold() > 0) {
            // fold everything
        }
        assertThat(jdbc.sql("SELECT count(*) FROM report_fact_changes").query(Long.class).single()).isZero();
        assertThat(rollUps(account)).isEqualTo(recomputed);
        Map<List<Long>, List<Long>> recomputedDays = recomputedDays(account);
        assertThat(recomputedDays).isNotEmpty();
        assertThat(dayRollUps(account)).isEqualTo(recomputedDays);
    }

    /** (local day, measure, value) → (calls, total) of the day roll-ups, without the rows that cancel out. */
    private Map<List<Long>, List<Long>> dayRollUps(long account) {
        return rows(account, """
                SELECT day - date '2000-01-01' AS slot, measure, value, calls, total FROM report_day_facts
                WHERE account_id = ? AND (calls <> 0 OR total <> 0)""", 1);
    }

    private Map<List<Long>, List<Long>> recomputedDays(long account) {
        return rows(account, """
                SELECT (r.started_at AT TIME ZONE '%s')::date - date '2000-01-01' AS slot, f.measure, f.value,
                       count(*) AS calls, sum(f.total) AS total
                FROM call_records r, LATERAL report_facts(r) f WHERE r.account_id = ?
                GROUP BY 1, 2, 3""".formatted(CENTER.zone().getId()), 1);
    }

    /** (slot, measure, value) → (calls, total) of the roll-ups, folded and not, without the rows that cancel out. */
    private Map<List<Long>, List<Long>> rollUps(long account) {
        return rows(account, """
                SELECT extract(epoch FROM slot)::bigint AS slot, measure, value, sum(calls) AS calls, sum(total) AS total
                FROM (SELECT slot, measure, value, calls, total FROM report_facts WHERE account_id = ?
                      UNION ALL
                      SELECT slot, measure, value, calls, total FROM report_fact_changes WHERE account_id = ?) f
                GROUP BY 1, 2, 3 HAVING sum(calls) <> 0 OR sum(total) <> 0""", 2);
    }

    private Map<List<Long>, List<Long>> recomputed(long account) {
        return rows(account, """
                SELECT extract(epoch FROM report_slot(r.started_at))::bigint AS slot, f.measure, f.value,
                       count(*) AS calls, sum(f.total) AS total
                FROM call_records r, LATERAL report_facts(r) f WHERE r.account_id = ?
                GROUP BY 1, 2, 3""", 1);
    }

    private Map<List<Long>, List<Long>> rows(long account, String sql, int accountParameters) {
        var spec = jdbc.sql(sql);
        for (int i = 0; i < accountParameters; i++) {
            spec = spec.param(account);
        }
        return spec.query((rs, i) -> List.of(rs.getLong("slot"), rs.getLong("measure"), rs.getLong("value"),
                        rs.getLong("calls"), rs.getLong("total")))
                .list().stream()
                .collect(Collectors.toMap(r -> r.subList(0, 3), r -> r.subList(3, 5)));
    }
}
