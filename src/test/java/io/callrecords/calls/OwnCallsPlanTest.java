package io.callrecords.calls;

import static org.assertj.core.api.Assertions.assertThat;

import io.callrecords.support.AppTestSupport;
import io.callrecords.support.TestPersonalKeys;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An agent's calls list is the account's list with one more condition (ADR 0022): its plan stays a walk of the
 * account's calls by start time (an index on account and started_at), stopped at the page's end, never a sort of
 * every match.
 */
class OwnCallsPlanTest extends AppTestSupport {

    @Autowired
    JdbcClient jdbc;

    @Test
    void anAgentsPageWalksTheAccountsIndexByStartTime() {
        long account = new TestPersonalKeys(api, jdbc).accountOf(newAccount("own calls plan"));
        // 40,000 ended calls over 40 days, 50 users answering in turn; user 7 called back every 97th call
        jdbc.sql("""
                        INSERT INTO call_records (account_id, uuid, direction, caller_number, callee_number, caller_type,
                            callee_type, user_id, started_at, ended_at, first_touch_duration, call_duration,
                            missing_call, callback_user_id, call_flow, settings_version)
                        SELECT :account, gen_random_uuid(), 'inbound', '+90532' || (1000000 + i), '+908502010000',
                            'contact', 'user', 1 + i % 50, now() - i * interval '86 seconds',
                            now() - i * interval '86 seconds' + interval '1 minute', 5, 60, false,
                            CASE WHEN i % 97 = 0 THEN 7 END, '[]', 1
                        FROM generate_series(1, 40000) i""")
                .param("account", account).update();
        jdbc.sql("ANALYZE call_records").update();

        for (Long ownUser : new Long[] {null, 7L}) {
            CallListSql.Statement page = new CallListSql(account, ownUser, CallFilter.ended())
                    .page(CallRecordFields.COLUMNS, CallSort.STARTED_AT_DESC, null, 11, 0);
            List<String> plan = jdbc.sql("EXPLAIN " + page.sql()).params(page.params()).query(String.class).list();
            String text = String.join("\n", plan);
            // walked by start time on an index of (account, started_at): the list's own, or V2's, after which only
            // calls of the same second are put in uuid order (an incremental sort, which streams); never a full sort
            assertThat(text).as(text).containsPattern("Index Scan using call_records_(ended_list|started) ")
                    .doesNotContain("Seq Scan").doesNotContainPattern("(^|->  )Sort  \\(");
        }
    }
}
