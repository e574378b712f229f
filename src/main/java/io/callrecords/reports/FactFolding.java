package io.callrecords.reports;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Folds the appended fact changes into the roll-ups, so that reports read few rows: the 15-minute slots, and the
 * local days of the accounts that have day roll-ups ({@link DayRollups}), in their zone. One transaction moves a
 * batch: a report sees the changes either still appended or already folded, never both or neither. One node folds at
 * a time (a transaction-scoped advisory lock); the others skip their turn.
 */
@Component
class FactFolding {

    private static final Logger log = LoggerFactory.getLogger(FactFolding.class);
    private static final long LOCK = 0x7265706f72747346L; // "reportsF"
    static final int BATCH = 50_000;
    /**
     * Pending records (V30) folded at a time: each is read and its call flow parsed, and stays locked against writes
     * until the fold commits, so a batch is kept to a fraction of a second's work.
     */
    static final int RECORD_BATCH = 10_000;

    /** One round: how many changes and records it folded, and whether any of them filled its batch. */
    private record Round(int folded, boolean full) {
        static final Round NONE = new Round(0, false);
    }

    private final JdbcClient db;
    private final TransactionTemplate transaction;

    FactFolding(JdbcClient db, TransactionTemplate transaction) {
        this.db = db;
        this.transaction = transaction;
    }

    /** Waits for the folding lock, for the rest of the transaction: no fold runs meanwhile. */
    static void lock(JdbcClient db) {
        db.sql("SELECT pg_advisory_xact_lock(:lock)").param("lock", LOCK).query(rs -> { });
    }

    @Scheduled(fixedDelayString = "${callrecords.reports.fold-interval:1s}")
    void foldDue() {
        try {
            while (round().full()) {
                // a backlog: keep folding
            }
        } catch (RuntimeException e) {
            log.warn("Folding report facts failed; the next round tries again: {}", e.toString());
        }
    }

    /**
     * Folds up to {@link #BATCH} changes of the slots and as many of the members (V27), and up to
     * {@link #RECORD_BATCH} pending records (V30); returns how many in all, 0 when another node holds the lock or none
     * is due.
     */
    int fold() {
        return round().folded();
    }

    private Round round() {
        Round round = transaction.execute(status -> foldInTransaction());
        return round == null ? Round.NONE : round;
    }

    /**
     * A slot whose facts cancel out keeps a row of zeros: harmless to every sum (and skipped by {@link Distribution#percentile}),
     * and cheaper than looking for such rows on every round.
     */
    private Round foldInTransaction() {
        Boolean locked = db.sql("SELECT pg_try_advisory_xact_lock(:lock)").param("lock", LOCK).query(Boolean.class).single();
        if (!locked) {
            return Round.NONE;
        }
        int slots = db.sql("""
                        WITH moved AS (
                            DELETE FROM report_fact_changes
                            WHERE id IN (SELECT id FROM report_fact_changes ORDER BY id LIMIT :batch)
                            RETURNING account_id, slot, measure, value, calls, total),
                        summed AS (
                            SELECT account_id, slot, measure, value, sum(calls) AS calls, sum(total) AS total, count(*) AS n
                            FROM moved GROUP BY 1, 2, 3, 4),
                        folded AS (
                            INSERT INTO report_facts AS f (account_id, slot, measure, value, calls, total)
                            SELECT account_id, slot, measure, value, calls, total FROM summed
                            ON CONFLICT (account_id, slot, measure, value)
                            DO UPDATE SET calls = f.calls + excluded.calls, total = f.total + excluded.total),
                        days AS (
                            INSERT INTO report_day_facts AS d (account_id, day, measure, value, calls, total)
                            SELECT s.account_id, (s.slot AT TIME ZONE z.zone)::date, s.measure, s.value,
                                   sum(s.calls), sum(s.total)
                            FROM summed s JOIN report_day_zones z ON z.account_id = s.account_id
                            GROUP BY 1, 2, 3, 4
                            ON CONFLICT (account_id, day, measure, value)
                            DO UPDATE SET calls = d.calls + excluded.calls, total = d.total + excluded.total)
                        SELECT coalesce(sum(n), 0) FROM summed""")
                .param("batch", BATCH).query(Integer.class).single();
        int members = foldMembers();
        int records = foldPendingRecords();
        return new Round(slots + members + records, slots >= BATCH || members >= BATCH || records >= RECORD_BATCH);
    }

    /**
     * Folds the members' changes into their local days. An account without day roll-ups has no member days either:
     * its changes are dropped, since building its days reads its records, which hold them already
     * ({@link DayRollups#rebuild}).
     */
    private int foldMembers() {
        return db.sql("""
                        WITH moved AS (
                            DELETE FROM report_member_fact_changes
                            WHERE id IN (SELECT id FROM report_member_fact_changes ORDER BY id LIMIT :batch)
                            RETURNING account_id, slot, kind, member_id, measure, value, calls, total),
                        days AS (
                            INSERT INTO report_member_day_facts AS d (account_id, kind, day, member_id, measure, value,
                                                                      calls, total)
                            SELECT m.account_id, m.kind, (m.slot AT TIME ZONE z.zone)::date, m.member_id, m.measure,
                                   m.value, sum(m.calls), sum(m.total)
                            FROM moved m JOIN report_day_zones z ON z.account_id = m.account_id
                            GROUP BY 1, 2, 3, 4, 5, 6
                            ON CONFLICT ON CONSTRAINT report_member_day_facts_key
                            DO UPDATE SET calls = d.calls + excluded.calls, total = d.total + excluded.total)
                        SELECT count(*) FROM moved""")
                .param("batch", BATCH).query(Integer.class).single();
    }

    /**
     * Adds the current facts of pending records (V30) to their members' local days and unmarks them, in one statement
     * so that a report sees each record's facts either pending or folded. A record is read locked ({@code FOR SHARE}),
     * so that no write changes it between this read and the commit: a write waits, and then marks the record again and
     * takes back what this fold added. A record being written right now is skipped ({@code SKIP LOCKED}), and stays
     * pending for the next round: the fold never waits for intake, so the two cannot deadlock. A mark whose record is
     * gone (deleted) is dropped; one whose record was deleted after this statement's snapshot stays for the next round.
     * As with the changes, an account without day roll-ups has its records unmarked and nothing added.
     */
    private int foldPendingRecords() {
        return db.sql("""
                        WITH picked AS (
                            SELECT account_id, uuid FROM report_member_pending
                            ORDER BY account_id, uuid LIMIT :batch),
                        locked AS (
                            SELECT r FROM call_records r
                            JOIN picked p ON r.account_id = p.account_id AND r.uuid = p.uuid
                            FOR SHARE OF r SKIP LOCKED),
                        unmarked AS (
                            SELECT (l.r).account_id, (l.r).uuid FROM locked l
                            UNION ALL
                            SELECT p.account_id, p.uuid FROM picked p
                            WHERE NOT EXISTS (SELECT 1 FROM call_records x
                                              WHERE x.account_id = p.account_id AND x.uuid = p.uuid)),
                        moved AS (
                            DELETE FROM report_member_pending d USING unmarked u
                            WHERE d.account_id = u.account_id AND d.uuid = u.uuid
                            RETURNING 1),
                        days AS (
                            INSERT INTO report_member_day_facts AS d (account_id, kind, day, member_id, measure, value,
                                                                      calls, total)
                            SELECT (l.r).account_id, f.kind, (report_slot((l.r).started_at) AT TIME ZONE z.zone)::date,
                                   f.member_id, f.measure, f.value, count(*), sum(f.total)
                            FROM locked l JOIN report_day_zones z ON z.account_id = (l.r).account_id,
                                 LATERAL report_member_facts(l.r) f
                            GROUP BY 1, 2, 3, 4, 5, 6
                            ON CONFLICT ON CONSTRAINT report_member_day_facts_key
                            DO UPDATE SET calls = d.calls + excluded.calls, total = d.total + excluded.total)
                        SELECT count(*) FROM moved""")
                .param("batch", RECORD_BATCH).query(Integer.class).single();
    }
}
