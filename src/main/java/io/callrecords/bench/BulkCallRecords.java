package io.callrecords.bench;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Fills {@code call_records} with synthetic finished calls straight in SQL ({@code INSERT ... SELECT} over
 * {@code generate_series}), the way a bulk load is done: indexes (and the reports' roll-ups) dropped first and built again after, then
 * {@code VACUUM ANALYZE} (statistics, and the visibility map that index-only scans need). Calls arrive in time
 * order with the accounts interleaved, as they would in production; every value is a function of the row number,
 * so a load is the same each time.
 */
final class BulkCallRecords {

    static final Instant FIRST = Instant.parse("2025-06-01T00:00:00Z");
    static final Duration SPAN = Duration.ofDays(365);
    private static final int CHUNK = 500_000;

    /*
     * h1, h2: two hashes of the row number. Of the calls: 60 % inbound, 30 % outbound, 10 % internal; a quarter of
     * the inbound ones missed (reasons 50 % abandoned, 20 % short_abandoned, 10 % each out_of_business_hours,
     * callback, denylist), half of those called back; 40 users, 5 numbers, durations up to 10 minutes.
     */
    private static final String INSERT = """
            INSERT INTO call_records (account_id, uuid, direction, number_id, channel_type, channel_id, caller_number,
                callee_number, caller_type, caller_id, callee_type, callee_id, user_id, contact_id, company_id,
                related_type, related_id, started_at, answered_at, bridged_at, ended_at, team_touch_at, connected_at,
                first_touch_duration, call_duration, missing_call, missing_call_reason, hangup_by, voicemail_id,
                voicemail_type, callback_user_id, callback_time, callback_cdr_uuid, call_flow, settings_version,
                updated_at)
            SELECT account, uuid, direction, number_id, 'number', number_id, caller_number, callee_number,
                CASE WHEN direction = 'inbound' THEN 'contact' ELSE 'user' END,
                CASE WHEN direction = 'inbound' THEN NULL ELSE user_id END,
                callee_type, CASE WHEN callee_type = 'contact' THEN NULL ELSE 1 END,
                CASE WHEN missing THEN NULL ELSE user_id END, NULL, NULL, NULL, NULL,
                t, CASE WHEN direction = 'inbound' OR NOT missing THEN t + interval '1 second' END,
                CASE WHEN missing THEN NULL ELSE t + interval '8 seconds' END,
                t + duration * interval '1 second',
                CASE WHEN callee_type = 'team' THEN t + interval '5 seconds' END,
                CASE WHEN missing THEN NULL ELSE t + interval '8 seconds' END,
                CASE WHEN missing THEN 0 ELSE 8 END, duration, missing,
                reason,
                CASE WHEN direction = 'outbound' THEN 'user' ELSE 'contact' END, NULL, NULL,
                CASE WHEN returned THEN 1 + h2 / 10 % 40 END, CASE WHEN returned THEN 600 + h1 % 3000 END,
                CASE WHEN returned THEN gen_random_uuid() END,
                FLOW,
                1, t + duration * interval '1 second' + CASE WHEN returned THEN interval '1 hour' ELSE interval '1 second' END
            FROM (
                SELECT *, direction = 'inbound' AND h1 / 100 % 4 = 0 AS missing,
                       CASE WHEN direction = 'inbound' AND h1 / 100 % 4 = 0 THEN (ARRAY['abandoned', 'abandoned',
                           'abandoned', 'abandoned', 'abandoned', 'short_abandoned', 'short_abandoned',
                           'out_of_business_hours', 'callback', 'denylist'])[1 + h1 / 400 % 10] END AS reason,
                       direction = 'inbound' AND h1 / 100 % 4 = 0 AND h2 / 24000 % 2 = 0 AS returned,
                       CASE WHEN direction = 'inbound' AND h1 / 100 % 4 = 0 THEN 5 + h1 / 4000 % 60
                            ELSE 10 + h1 / 4000 % 590 END AS duration,
                       CASE direction WHEN 'inbound' THEN (ARRAY['greeting', 'team', 'user'])[1 + h2 / 2000 % 3]
                                      WHEN 'outbound' THEN 'contact' ELSE 'user' END AS callee_type,
                       CASE direction WHEN 'inbound' THEN '+90532' || lpad((h2 / 48000 % 10000000)::text, 7, '0')
                                      ELSE (100 + h2 / 10 % 40)::text END AS caller_number,
                       CASE direction WHEN 'inbound' THEN '+908502010000'
                                      WHEN 'outbound' THEN '+90212' || lpad((h2 / 48000 % 10000000)::text, 7, '0')
                                      ELSE (200 + h1 % 40)::text END AS callee_number
                FROM (
                    SELECT g, h1, h2, (?::bigint[])[1 + h1 % array_length(?::bigint[], 1)] AS account,
                           gen_random_uuid() AS uuid,
                           CASE WHEN h2 % 10 < 6 THEN 'inbound' WHEN h2 % 10 < 9 THEN 'outbound' ELSE 'internal' END AS direction,
                           1 + h2 / 400 % 5 AS number_id, 1 + h2 / 10 % 40 AS user_id,
                           ?::timestamptz + (g * ?::bigint) * interval '1 microsecond' AS t
                    FROM (SELECT g, abs(hashint8(g)::bigint) AS h1, abs(hashint8(g + 7777777777)::bigint) AS h2
                          FROM generate_series(?::bigint, ?::bigint) AS g) hashed
                ) base
            ) calls""".replace("FLOW", flow("direction", "CASE WHEN missing THEN NULL ELSE user_id END", "reason", "t",
            "t + duration * interval '1 second'", "uuid", "caller_number", "callee_number", "number_id"));

    private BulkCallRecords() {}

    /**
     * The call flow of a loaded call (newest first), as an SQL expression of its columns, so that a load and
     * {@link #ensureRings} write the same flow. An inbound call rings users (reports.md, "Grouping" by user): one
     * answered rings the user who took it, and a third of them first rang a colleague who let it run out; one missed
     * while it could ring (abandoned, or a callback asked for) rang one user who did not pick it up. Users 1-40, as
     * the records' {@code user_id}; every call was routed to team 3.
     */
    static String flow(String direction, String answeredBy, String reason, String start, String end, String uuid,
                       String caller, String callee, String numberId) {
        String h = "abs(hashtext((%s)::text))".formatted(uuid);
        String s = "extract(epoch FROM %s)::bigint".formatted(start);
        String ring = "format('{\"action\":\"bridge_attempt\",\"detail\":{\"type\":\"user\",\"id\":%%s},\"timestamp\":%%s},', %s, %s + 5)";
        String rings = """
                CASE WHEN (%1$s) <> 'inbound' THEN ''
                     WHEN (%2$s) IS NOT NULL THEN format('{"action":"bridge","detail":{"type":"user","id":%%1$s},"timestamp":%%2$s},'
                         || '{"action":"bridge_attempt","detail":{"type":"user","id":%%1$s},"timestamp":%%3$s},', %2$s, %4$s + 8, %4$s + 7)
                         || CASE WHEN %5$s %% 3 = 0 THEN %6$s ELSE '' END
                     WHEN (%3$s) IN ('abandoned', 'callback') THEN %7$s
                     ELSE '' END""".formatted(direction, answeredBy, reason, s, h,
                ring.formatted("1 + ((%s) + %s / 3 %% 39) %% 40".formatted(answeredBy, h), s),
                ring.formatted("1 + %s %% 40".formatted(h), s));
        return """
                format('[{"action":"hangup","detail":{"hangup_by":"contact"},"timestamp":%%s},%%s'
                    || '{"action":"route","detail":{"type":"team","id":3},"timestamp":%%s},'
                    || '{"action":"init","detail":{"caller":{"number":"%%s","type":"contact"},'
                    || '"callee":{"number":"%%s","type":"greeting","id":1},"number_id":%%s},"timestamp":%%s}]',
                    extract(epoch FROM %s)::bigint, %s, %s + 5, %s, %s, %s, %s)::json""".formatted(end, rings, s, caller,
                callee, numberId, s);
    }

    /**
     * Gives the ended inbound records of {@code account} the rings of {@link #flow} when they have none: a data set
     * loaded before the loader wrote rings. Done once (a later call finds rings and does nothing); the service's
     * report triggers take the change in, as they take any corrected record.
     */
    static void ensureRings(Connection c, long account) throws SQLException {
        try (PreparedStatement present = c.prepareStatement("SELECT EXISTS (SELECT 1 FROM call_records WHERE"
                + " account_id = ? AND direction = 'inbound' AND ended_at IS NOT NULL AND NOT missing_call"
                + " AND call_flow::text LIKE '%\"bridge\"%')")) {
            present.setLong(1, account);
            try (ResultSet rs = present.executeQuery()) {
                rs.next();
                if (rs.getBoolean(1)) {
                    return;
                }
            }
        }
        long started = System.nanoTime();
        try (PreparedStatement update = c.prepareStatement("UPDATE call_records SET call_flow = " + flow("direction",
                "CASE WHEN missing_call THEN NULL ELSE user_id END", "missing_call_reason", "started_at", "ended_at",
                "uuid", "caller_number", "callee_number", "number_id")
                + " WHERE account_id = ? AND direction = 'inbound' AND ended_at IS NOT NULL")) {
            update.setLong(1, account);
            int rows = update.executeUpdate();
            System.out.printf("  rings written into the call flows of %,d inbound records of account %d (%.0f s)%n",
                    rows, account, (System.nanoTime() - started) / 1e9);
        }
    }

    /** Loads {@code total} calls spread over {@link #SPAN} from {@link #FIRST} across {@code accounts}. */
    static void load(Connection c, long[] accounts, long total) throws SQLException {
        List<String> indexes = dropIndexes(c);
        ReportFolds.pauseTrigger(c);
        long micros = SPAN.toNanos() / 1000 / total;
        long started = System.nanoTime();
        try (PreparedStatement insert = c.prepareStatement(INSERT)) {
            Array ids = c.createArrayOf("bigint", java.util.Arrays.stream(accounts).boxed().toArray());
            for (long from = 0; from < total; from += CHUNK) {
                insert.setArray(1, ids);
                insert.setArray(2, ids);
                insert.setObject(3, FIRST.atOffset(java.time.ZoneOffset.UTC));
                insert.setLong(4, micros);
                insert.setLong(5, from);
                insert.setLong(6, Math.min(total, from + CHUNK) - 1);
                insert.executeUpdate();
                System.out.printf("  loaded %,d of %,d records (%.0f s)%n", Math.min(total, from + CHUNK), total,
                        (System.nanoTime() - started) / 1e9);
            }
        }
        try (Statement s = c.createStatement()) {
            s.execute("SET maintenance_work_mem = '1GB'");
            s.execute("SET max_parallel_maintenance_workers = 2");
            for (String index : indexes) {
                long t0 = System.nanoTime();
                s.execute(index);
                System.out.printf("  %s (%.0f s)%n", index.length() > 90 ? index.substring(0, 90) + " ..." : index,
                        (System.nanoTime() - t0) / 1e9);
            }
            long t0 = System.nanoTime();
            ReportFolds.resumeTriggerAndRebuild(c);
            System.out.printf("  report roll-ups built (%.0f s)%n", (System.nanoTime() - t0) / 1e9);
            t0 = System.nanoTime();
            s.execute("VACUUM (ANALYZE) call_records");
            System.out.printf("  VACUUM (ANALYZE) call_records (%.0f s)%n", (System.nanoTime() - t0) / 1e9);
        }
    }

    /** Drops every index of call_records (the primary key too) and returns the statements that build them again. */
    private static List<String> dropIndexes(Connection c) throws SQLException {
        List<String> rebuild = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'call_records'"
                     + " ORDER BY indexname = 'call_records_pkey' DESC, indexname")) {
            while (rs.next()) {
                String name = rs.getString(1);
                rebuild.add(name.equals("call_records_pkey")
                        ? "ALTER TABLE call_records ADD CONSTRAINT call_records_pkey PRIMARY KEY (account_id, uuid)"
                        : rs.getString(2));
            }
        }
        try (Statement s = c.createStatement()) {
            for (String statement : rebuild) {
                s.execute(statement.startsWith("ALTER") ? "ALTER TABLE call_records DROP CONSTRAINT call_records_pkey"
                        : "DROP INDEX " + statement.split(" ")[2]);
            }
        }
        return rebuild;
    }
}
