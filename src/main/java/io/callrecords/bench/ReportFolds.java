package io.callrecords.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The reports' roll-ups around a benchmark: measurements start only once the service has folded every fact change
 * (folding competes for the same two cores), and a bulk load builds the roll-ups in one statement, as it builds its
 * indexes, instead of through the trigger and the folding job.
 */
final class ReportFolds {

    private static final String[] TRIGGERS = {"call_records_report_insert", "call_records_member_insert"};

    private ReportFolds() {}

    /**
     * Waits until no fact change is left to fold and every account has its day roll-ups (with its users' and teams'
     * days); returns the seconds waited.
     */
    static double awaitFolded(Connection db) throws SQLException, InterruptedException {
        long started = System.nanoTime();
        while (pending(db) > 0) {
            Thread.sleep(200);
        }
        return (System.nanoTime() - started) / 1e9;
    }

    static void pauseTrigger(Connection db) throws SQLException {
        try (Statement s = db.createStatement()) {
            for (String trigger : TRIGGERS) {
                s.execute("ALTER TABLE call_records DISABLE TRIGGER " + trigger);
            }
        }
    }

    /**
     * Turns the triggers back on and builds the slot roll-ups of every record (the V9 backfill); the service builds
     * the days, and the users' and teams' days from the records (V27), as for an account that has none.
     */
    static void resumeTriggerAndRebuild(Connection db) throws SQLException {
        try (Statement s = db.createStatement()) {
            for (String trigger : TRIGGERS) {
                s.execute("ALTER TABLE call_records ENABLE TRIGGER " + trigger);
            }
            s.execute("TRUNCATE report_facts, report_fact_changes, report_day_facts, report_day_zones,"
                    + " report_member_day_facts, report_member_fact_changes, report_member_pending"); // the service builds the days
            s.execute("""
                    INSERT INTO report_facts (account_id, slot, measure, value, calls, total)
                    SELECT r.account_id, report_slot(r.started_at), f.measure, f.value, count(*), sum(f.total)
                    FROM call_records r, LATERAL report_facts(r) f
                    GROUP BY 1, 2, 3, 4""");
        }
    }

    private static long pending(Connection db) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT (SELECT count(*) FROM report_fact_changes) + (SELECT count(*) FROM report_member_fact_changes)
                     + (SELECT count(*) FROM report_member_pending)
                     + (SELECT count(*) FROM accounts a WHERE NOT EXISTS (SELECT 1 FROM report_day_zones z WHERE z.account_id = a.id))""")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
