package io.callrecords.people;

import static org.assertj.core.api.Assertions.assertThat;

import io.callrecords.support.AppTestSupport;
import io.callrecords.support.DirectoryRows;
import java.util.List;
import java.util.UUID;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The names query of a page against a large directory (10,000 users with a voicemail box and an extension each,
 * 2,000 teams, beside a second account of the same size): every large kind is probed through its primary key
 * (account_id, id), never scanned; one statement for all. A plan, not a timing: what it costs is for the benchmarks.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DirectoryNamesPlanTest extends AppTestSupport {

    private static final Logger log = LoggerFactory.getLogger(DirectoryNamesPlanTest.class);

    @Autowired
    JdbcClient db;

    private long account;

    @BeforeAll
    void largeDirectories() {
        for (int i = 0; i < 2; i++) {
            String name = "large-directory-" + UUID.randomUUID();
            newAccount(name);
            long id = DirectoryRows.of(db, name).account();
            fill(id);
            account = id;
        }
        for (String table : List.of("users", "teams", "account_numbers", "greetings", "extensions", "voicemail_boxes")) {
            db.sql("ANALYZE " + table).update();
        }
    }

    @Test
    void aPagesNamesAreOneIndexProbePerKind() {
        EntryNames.Wanted page = new EntryNames.Wanted()
                .addAll(EntryKind.USER, LongStream.rangeClosed(1, 50).map(i -> i * 197).boxed().toList())
                .addAll(EntryKind.TEAM, LongStream.rangeClosed(1, 10).map(i -> i * 171).boxed().toList())
                .addAll(EntryKind.NUMBER, List.of(3L, 17L)).addAll(EntryKind.GREETING, List.of(4L))
                .addAll(EntryKind.EXTENSION, List.of(1001L)).addAll(EntryKind.VOICEMAIL_BOX, List.of(113L, 4242L));
        DirectoryNames.Statement statement = DirectoryNames.statement(account, page);
        String plan = String.join("\n", db.sql("EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) "
                + statement.sql()).params(statement.params()).query(String.class).list());
        log.info("The names query of a page on a directory of 10,000 users and 2,000 teams:\n{}", plan);
        // Greetings are few (100 an account here: two pages), and reading them beats the index; every large kind is
        // probed through its key, an index scan or a bitmap of it.
        for (String table : List.of("users", "teams", "account_numbers", "extensions", "voicemail_boxes")) {
            assertThat(plan).as(table).contains(table + "_pkey").doesNotContain("Seq Scan on " + table);
        }
        assertThat(plan).contains("Index Scan using users_pkey on users (actual rows=50 loops=1)")
                .contains("Index Scan using teams_pkey on teams (actual rows=10 loops=1)");
    }

    private void fill(long id) {
        db.sql("""
                INSERT INTO users (account_id, id, name, email)
                SELECT :account, g, 'Agent ' || g, 'agent' || g || '@account' || :account || '.example'
                FROM generate_series(1, 10000) g""")
                .param("account", id).update();
        db.sql("INSERT INTO teams (account_id, id, name) SELECT :account, g, 'Team ' || g FROM generate_series(1, 2000) g")
                .param("account", id).update();
        db.sql("""
                INSERT INTO account_numbers (account_id, id, name, number)
                SELECT :account, g, 'Line ' || g, '+90212555' || lpad(g::text, 4, '0') FROM generate_series(1, 500) g""")
                .param("account", id).update();
        db.sql("""
                INSERT INTO greetings (account_id, id, name, kind)
                SELECT :account, g, 'Menu ' || g, 'smart_ivr' FROM generate_series(1, 100) g""")
                .param("account", id).update();
        db.sql("""
                INSERT INTO extensions (account_id, id, number, target_type, target_id)
                SELECT :account, g, (1000 + g)::text, 'user', g FROM generate_series(1, 10000) g""")
                .param("account", id).update();
        db.sql("""
                INSERT INTO voicemail_boxes (account_id, id, name, type, user_id)
                SELECT :account, g, 'Voicemail of agent ' || g, 'user', g FROM generate_series(1, 10000) g""")
                .param("account", id).update();
    }
}
