package io.callrecords.reports;

import io.callrecords.accounts.AccountSettingsService;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The facts per local day in each account's time zone (V9), which answer a period of whole days without reading its
 * 96 slots a day. {@link FactFolding} adds every folded change to them; this class builds an account's days from its
 * slots when it has none yet or when its zone changed, and tells a report whether its days can answer it. A report
 * that they cannot answer (another zone, a period that does not start and end at local midnight, a zone change not
 * caught up yet) reads the slots and gets the same numbers, more slowly.
 */
@Component
class DayRollups {

    private static final Logger log = LoggerFactory.getLogger(DayRollups.class);

    /** The local days of a period: [from, to). */
    record Days(LocalDate from, LocalDate to) {}

    private final JdbcClient db;
    private final TransactionTemplate transaction;
    private final AccountSettingsService settings;

    DayRollups(JdbcClient db, TransactionTemplate transaction, AccountSettingsService settings) {
        this.db = db;
        this.transaction = transaction;
        this.settings = settings;
    }

    /**
     * The days of the request's period when the account's day roll-ups can answer it: they are in the request's zone
     * and the period starts and ends at local midnights. Read in the report's transaction, so that the zone and the
     * days are of one snapshot.
     */
    Optional<Days> answering(long account, ReportRequest request) {
        ZoneId zone = request.zone();
        Optional<String> kept = db.sql("SELECT zone FROM report_day_zones WHERE account_id = :account")
                .param("account", account).query(String.class).optional();
        if (kept.isEmpty() || !kept.get().equals(zone.getId())) {
            return Optional.empty();
        }
        return wholeDays(request);
    }

    /**
     * The local days of the request's period in its zone, when it starts and ends at local midnights (whatever zone
     * the account's days are kept in).
     */
    static Optional<Days> wholeDays(ReportRequest request) {
        ZoneId zone = request.zone();
        Instant from = request.period().from();
        Instant to = request.period().to();
        LocalDate fromDay = from.atZone(zone).toLocalDate();
        LocalDate toDay = to.atZone(zone).toLocalDate();
        if (!fromDay.atStartOfDay(zone).toInstant().equals(from) || !toDay.atStartOfDay(zone).toInstant().equals(to)) {
            return Optional.empty();
        }
        return Optional.of(new Days(fromDay, toDay));
    }

    /**
     * Builds the days of every account whose zone changed or that has none (a new account, or right after V9). Zones
     * change seldom and a report does not depend on this for being right, so once a minute is enough.
     */
    @Scheduled(initialDelayString = "${callrecords.reports.day-check-delay:5s}",
            fixedDelayString = "${callrecords.reports.day-check-interval:60s}")
    void catchUp() {
        Map<Long, String> kept = new HashMap<>();
        List<Long> accounts;
        try {
            db.sql("SELECT account_id, zone FROM report_day_zones").query(rs -> {
                kept.put(rs.getLong(1), rs.getString(2));
            });
            accounts = db.sql("SELECT id FROM accounts ORDER BY id").query(Long.class).list();
        } catch (RuntimeException e) {
            log.warn("Checking the day roll-ups failed; the next round tries again: {}", e.toString());
            return;
        }
        for (long account : accounts) {
            try {
                String zone = settings.current(account).settings().timezone().getId();
                if (!zone.equals(kept.get(account))) {
                    rebuild(account, zone);
                }
            } catch (RuntimeException e) {
                // one account's failure (a zone the database does not know, say) holds up no other account; its
                // reports read the slots meanwhile
                log.warn("Building the day roll-ups of account {} failed; the next round tries again: {}", account,
                        e.toString());
            }
        }
    }

    /**
     * Replaces the account's days with its folded slots summed by local day in {@code zone}; the changes not folded
     * yet go to the new days when they are folded. Waits for the folding lock, so that no fold adds to the old days
     * meanwhile.
     */
    void rebuild(long account, String zone) {
        transaction.executeWithoutResult(status -> {
            FactFolding.lock(db);
            db.sql("DELETE FROM report_day_facts WHERE account_id = :account").param("account", account).update();
            int days = db.sql("""
                            INSERT INTO report_day_facts (account_id, day, measure, value, calls, total)
                            SELECT account_id, (slot AT TIME ZONE :zone)::date, measure, value, sum(calls), sum(total)
                            FROM report_facts WHERE account_id = :account
                            GROUP BY 1, 2, 3, 4
                            HAVING sum(calls) <> 0 OR sum(total) <> 0""")
                    .param("account", account).param("zone", zone).update();
            int members = rebuildMembers(account, zone);
            db.sql("""
                            INSERT INTO report_day_zones (account_id, zone) VALUES (:account, :zone)
                            ON CONFLICT (account_id) DO UPDATE SET zone = excluded.zone""")
                    .param("account", account).param("zone", zone).update();
            log.info("Day roll-ups of account {} built in {}: {} rows, and {} of users and teams", account, zone, days,
                    members);
        });
    }

    /**
     * The members' days (V27) from the account's records: there are no slots per member to sum. The pending records
     * (V30) are left out and stay pending, for the fold to add; the changes not folded yet are dropped, since each
     * belongs to a record read here (one appended by V27's triggers) or takes back the folded facts of a pending one.
     * One statement, so one snapshot (a data-modifying {@code WITH} runs whether or not it is read): a record written
     * after the snapshot leaves its change and its mark for the next fold. Runs under the folding lock.
     */
    private int rebuildMembers(long account, String zone) {
        db.sql("DELETE FROM report_member_day_facts WHERE account_id = :account").param("account", account).update();
        return db.sql("""
                        WITH dropped AS (
                            DELETE FROM report_member_fact_changes WHERE account_id = :account RETURNING 1),
                        built AS (
                            INSERT INTO report_member_day_facts (account_id, kind, day, member_id, measure, value, calls,
                                                                 total)
                            SELECT r.account_id, f.kind, (report_slot(r.started_at) AT TIME ZONE :zone)::date, f.member_id, f.measure,
                                   f.value, count(*), sum(f.total)
                            FROM call_records r, LATERAL report_member_facts(r) f
                            WHERE r.account_id = :account AND r.ended_at IS NOT NULL
                              AND NOT EXISTS (SELECT 1 FROM report_member_pending p
                                              WHERE p.account_id = r.account_id AND p.uuid = r.uuid)
                            GROUP BY 1, 2, 3, 4, 5, 6
                            RETURNING 1)
                        SELECT count(*) FROM built""")
                .param("account", account).param("zone", zone).query(Integer.class).single();
    }
}
