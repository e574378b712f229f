package io.callrecords.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The directory of a large call center in every benchmark account: 10,000 users and 2,000 teams (issue 16's size),
 * the five numbers and a greeting the loaded records name, so that the pages and the export look up real names.
 * Inserted straight in SQL, once: a kept data set gets it on its first run with a service that has the directory.
 */
final class BenchDirectory {

    static final int USERS = 10_000;
    static final int TEAMS = 2_000;

    private BenchDirectory() {}

    static void ensure(Connection c, long[] accounts) throws SQLException {
        long started = System.nanoTime();
        for (String sql : new String[] {
                "INSERT INTO users (account_id, id, name, email, role) SELECT ?, g, 'Agent ' || g,"
                        + " 'agent' || g || '@bench.example', 'agent' FROM generate_series(1, " + USERS + ") g"
                        + " ON CONFLICT DO NOTHING",
                "INSERT INTO teams (account_id, id, name, strategy) SELECT ?, g, 'Queue ' || g, 'ring_all'"
                        + " FROM generate_series(1, " + TEAMS + ") g ON CONFLICT DO NOTHING",
                "INSERT INTO account_numbers (account_id, id, name, number) SELECT ?, g, 'Line ' || g,"
                        + " '+90850201000' || g FROM generate_series(1, 5) g ON CONFLICT DO NOTHING",
                "INSERT INTO greetings (account_id, id, name, kind) VALUES (?, 1, 'Main menu', 'greeting')"
                        + " ON CONFLICT DO NOTHING"}) {
            try (PreparedStatement insert = c.prepareStatement(sql)) {
                for (long account : accounts) {
                    insert.setLong(1, account);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
        System.out.printf("  directory of %,d users and %,d teams in each of %d accounts (%.0f s)%n", USERS, TEAMS,
                accounts.length, (System.nanoTime() - started) / 1e9);
    }
}
