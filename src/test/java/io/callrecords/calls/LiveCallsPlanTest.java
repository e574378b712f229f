package io.callrecords.calls;

import static org.assertj.core.api.Assertions.assertThat;

import io.callrecords.accounts.Caller;
import io.callrecords.accounts.Role;
import io.callrecords.accounts.Scope;
import io.callrecords.shared.OwnCalls;
import io.callrecords.shared.Timestamps;
import io.callrecords.support.AppTestSupport;
import io.callrecords.support.TestPersonalKeys;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The wallboard's look at the calls in progress reads the small index of calls that have not ended (V5
 * {@code call_records_live_list}), never the account's ended calls: on an account with 200,000 ended calls and 40
 * in progress it reads about 40 rows. A call whose hangup never came stops counting after {@link LiveCalls#HORIZON}.
 */
class LiveCallsPlanTest extends AppTestSupport {

    private static final Logger log = LoggerFactory.getLogger(LiveCallsPlanTest.class);

    @Autowired
    JdbcClient jdbc;

    @Autowired
    LiveCalls liveCalls;

    @Test
    void theCallsInProgressAreReadFromTheirOwnIndex() {
        long account = new TestPersonalKeys(api, jdbc).accountOf(newAccount("live plan"));
        // 200,000 ended calls over 60 days; 40 in progress, started in the last 20 minutes, routed to team 5; 10
        // whose hangup never came, started a day ago
        jdbc.sql("""
                        INSERT INTO call_records (account_id, uuid, direction, caller_number, callee_number, caller_type,
                            callee_type, user_id, started_at, ended_at, connected_at, first_touch_duration, call_duration,
                            missing_call, call_flow, settings_version)
                        SELECT :account, gen_random_uuid(), 'inbound', '+90532' || (1000000 + i), '+908502010000',
                            'contact', 'user', 1 + i % 50, now() - i * interval '26 seconds',
                            CASE WHEN i > 40 AND i <= 199960 THEN now() - i * interval '26 seconds' + interval '1 minute' END,
                            CASE WHEN i % 2 = 0 THEN now() - i * interval '26 seconds' + interval '5 seconds' END,
                            5, CASE WHEN i > 40 AND i <= 199960 THEN 60 END, CASE WHEN i > 40 AND i <= 199960 THEN false END,
                            json_build_array(json_build_object('action', 'route', 'detail', json_build_object('id', 5, 'type', 'team'),
                                'timestamp', extract(epoch FROM now() - i * interval '26 seconds')::bigint + 1)), 1
                        FROM generate_series(1, 200000) i""")
                .param("account", account).update();
        try {
            jdbc.sql("UPDATE call_records SET started_at = now() - interval '1 day' WHERE account_id = :account AND ended_at IS NULL"
                            + " AND started_at < now() - interval '2 days'")
                    .param("account", account).update();
            jdbc.sql("ANALYZE call_records").update();

            Caller supervisor = new Caller(account, null, Set.of(Scope.READ), 1L, Role.SUPERVISOR);
            List<LiveCalls.LiveCall> calls = liveCalls.now(supervisor);
            assertThat(calls).hasSize(40);
            assertThat(calls).allMatch(c -> c.routedTeam() == 5L);
            assertThat(calls.stream().filter(LiveCalls.LiveCall::waiting)).hasSize(20);

            for (Long ownUser : new Long[] {null, 7L}) {
                Map<String, Object> params = new HashMap<>();
                params.put("account", account);
                params.put("since", Timestamps.toDb(Instant.now().minus(LiveCalls.HORIZON)));
                params.put("max", LiveCalls.MAX);
                if (ownUser != null) {
                    params.put(OwnCalls.PARAMETER, ownUser);
                }
                List<String> plan = jdbc.sql("EXPLAIN (ANALYZE, BUFFERS) " + LiveCalls.sql(ownUser)).params(params)
                        .query(String.class).list();
                String text = String.join("\n", plan);
                log.info("The calls in progress{}:\n{}", ownUser == null ? "" : " of agent " + ownUser, text);
                assertThat(text).as(text).contains("call_records_live_list").doesNotContain("Seq Scan on call_records");
            }
        } finally {
            // The shared test database keeps no 200,000 calls for the background jobs (day roll-ups) of the tests after
            // this one: building them would hold a connection for seconds while those tests count the pool's.
            jdbc.sql("DELETE FROM call_records WHERE account_id = :account").param("account", account).update();
        }
    }
}
