package io.callrecords.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * One caller number with thousands of missed calls in a benchmark's account: a robocaller dialling around the clock,
 * one call every few minutes from the start of the period to its end, none of them returned; a third hang up at once
 * (short_abandoned), the others after 25 s (abandoned). Its records are written straight in SQL beside the ones intake
 * made (the reports' triggers keep their facts as for any record), and taken out again afterwards, so that a kept data
 * directory stays as it was loaded.
 */
final class Robocaller {

    /** A number the simulator never dials from. */
    static final String NUMBER = "+905009990000";
    /** What {@code number=} is given to find its line. */
    static final String SEARCH = "5009990000";

    private static final String INSERT = """
            INSERT INTO call_records (account_id, uuid, direction, caller_number, callee_number, caller_type, callee_type,
                started_at, ended_at, first_touch_duration, call_duration, missing_call, missing_call_reason, hangup_by,
                call_flow, settings_version)
            SELECT ?, gen_random_uuid(), 'inbound', ?, (SELECT callee_number FROM call_records
                                                       WHERE account_id = ? AND direction = 'inbound' LIMIT 1),
                   'contact', 'team', t, t + CASE WHEN short THEN interval '2 seconds' ELSE interval '25 seconds' END,
                   0, CASE WHEN short THEN 2 ELSE 25 END, true,
                   CASE WHEN short THEN 'short_abandoned' ELSE 'abandoned' END, 'contact', '[]'::json, 1
            FROM (SELECT ?::timestamptz + (g * ?::bigint) * interval '1 microsecond' AS t, g % 3 = 0 AS short
                  FROM generate_series(0, ? - 1) AS g) calls""";

    /**
     * The robocaller's worklist line over a period, as one plain query: the counts, times and reasons of its missed
     * calls and the newest one (whose contact a line shows). Any page that shows the line pays at least this.
     */
    private static final String LINE = """
            SELECT count(*), min(started_at), max(started_at),
                   count(*) FILTER (WHERE missing_call_reason = 'short_abandoned'),
                   count(*) FILTER (WHERE missing_call_reason = 'abandoned'),
                   count(callback_cdr_uuid), count(*) FILTER (WHERE callback_cdr_uuid IS NULL),
                   (array_agg(uuid ORDER BY started_at DESC, uuid DESC))[1]
            FROM call_records
            WHERE account_id = ? AND missing_call AND missing_call_reason IS DISTINCT FROM 'denylist'
              AND caller_number = ? AND started_at >= ? AND started_at < ?""";

    private final Connection db;
    private final long accountId;

    Robocaller(Connection db, long accountId) {
        this.db = db;
        this.accountId = accountId;
    }

    /** Adds {@code calls} missed calls spread evenly over [start, end), the first at the start. */
    void call(int calls, Instant start, Instant end) throws SQLException {
        hangUp(); // a run that stopped half-way may have left its calls
        long stepMicros = Duration.between(start, end).toNanos() / 1000 / calls;
        try (PreparedStatement insert = db.prepareStatement(INSERT)) {
            insert.setLong(1, accountId);
            insert.setString(2, NUMBER);
            insert.setLong(3, accountId);
            insert.setObject(4, start.atOffset(ZoneOffset.UTC));
            insert.setLong(5, stepMicros);
            insert.setInt(6, calls);
            insert.executeUpdate();
        }
        analyze();
    }

    /** Times {@link #LINE}: {@code warmUp} runs, then {@code runs}. */
    Latencies line(Instant start, Instant end, int warmUp, int runs) throws SQLException {
        long[] micros = new long[runs];
        long begun = 0;
        try (PreparedStatement query = db.prepareStatement(LINE)) {
            query.setLong(1, accountId);
            query.setString(2, NUMBER);
            query.setObject(3, start.atOffset(ZoneOffset.UTC));
            query.setObject(4, end.atOffset(ZoneOffset.UTC));
            for (int i = -warmUp; i < runs; i++) {
                if (i == 0) {
                    begun = System.nanoTime();
                }
                long t0 = System.nanoTime();
                try (ResultSet rs = query.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) == 0) {
                        throw new IllegalStateException("The robocaller has no missed call in the period");
                    }
                }
                if (i >= 0) {
                    micros[i] = (System.nanoTime() - t0) / 1_000;
                }
            }
        }
        return Latencies.of(micros, runs, 0, (System.nanoTime() - begun) / 1e9);
    }

    /** Takes the robocaller's records out again. */
    void hangUp() throws SQLException {
        try (PreparedStatement delete = db.prepareStatement(
                "DELETE FROM call_records WHERE account_id = ? AND caller_number = ?")) {
            delete.setLong(1, accountId);
            delete.setString(2, NUMBER);
            if (delete.executeUpdate() > 0) {
                analyze();
            }
        }
    }

    /** As autovacuum would have by the time anyone reads them: statistics, and the visibility map. */
    private void analyze() throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute("VACUUM (ANALYZE) call_records");
        }
    }
}
