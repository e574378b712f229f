package io.callrecords.bench;

import io.callrecords.bench.BenchAccounts.Account;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** Prints the plans (EXPLAIN ANALYZE, BUFFERS) of the statements the benchmark measures. */
final class Explain {

    private static final String TWO_MONTHS = " FROM call_records WHERE account_id = ? AND ended_at IS NOT NULL"
            + " AND started_at >= '2025-09-01T00:00:00Z' AND started_at < '2025-11-01T00:00:00Z'";
    private static final String ORDER = " ORDER BY started_at DESC, uuid DESC";

    private Explain() {}

    static void print(Connection db, Account account, int deepPage) throws Exception {
        Object[] week = {account, Instant.parse("2026-01-05T00:00:00Z"), Instant.parse("2026-01-12T00:00:00Z")};
        explain(db, "List page (one week, inbound, missed)", ReadApiBenchmark.PAGE, week, 11);
        explain(db, "List count", ReadApiBenchmark.COUNT, week, 0);
        OffsetDateTime key;
        UUID uuid;
        int offset = (deepPage - 1) * 10;
        try (PreparedStatement s = db.prepareStatement("SELECT started_at, uuid" + TWO_MONTHS + ORDER + " OFFSET "
                + (offset - 1) + " LIMIT 1")) {
            s.setLong(1, account.id());
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                key = rs.getObject(1, OffsetDateTime.class);
                uuid = rs.getObject(2, UUID.class);
            }
        }
        String columns = ReadApiBenchmark.COLUMNS;
        plan(db, "Page " + deepPage + " by cursor", "SELECT " + columns + TWO_MONTHS + " AND (started_at, uuid) < (?, ?)" + ORDER
                + " LIMIT 11", account.id(), key.withOffsetSameInstant(ZoneOffset.UTC), uuid);
        plan(db, "Page " + deepPage + " by offset", "SELECT " + columns + TWO_MONTHS + ORDER + " LIMIT 11 OFFSET " + offset,
                account.id());
        plan(db, "Count of the two months", "SELECT count(*)" + TWO_MONTHS, account.id());
        plan(db, "Export of the account", "SELECT " + columns + " FROM call_records WHERE account_id = ?"
                + " AND ended_at IS NOT NULL" + ORDER, account.id());
    }

    private static void explain(Connection db, String title, String sql, Object[] pick, int limit) throws Exception {
        if (sql.contains("LIMIT")) {
            plan(db, title, sql, ((Account) pick[0]).id(), ((Instant) pick[1]).atOffset(ZoneOffset.UTC),
                    ((Instant) pick[2]).atOffset(ZoneOffset.UTC), "inbound", true, limit, 0);
        } else {
            plan(db, title, sql, ((Account) pick[0]).id(), ((Instant) pick[1]).atOffset(ZoneOffset.UTC),
                    ((Instant) pick[2]).atOffset(ZoneOffset.UTC), "inbound", true);
        }
    }

    private static void plan(Connection db, String title, String sql, Object... parameters) throws Exception {
        System.out.printf("%nEXPLAIN (ANALYZE, BUFFERS) %s:%n  %s%n", title, sql.replaceAll("SELECT .* FROM", "SELECT ... FROM"));
        try (PreparedStatement s = db.prepareStatement("EXPLAIN (ANALYZE, BUFFERS) " + sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    System.out.println("    " + rs.getString(1));
                }
            }
        }
    }
}
