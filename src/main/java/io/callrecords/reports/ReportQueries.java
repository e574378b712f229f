package io.callrecords.reports;

import io.callrecords.shared.OwnCalls;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The facts of a period, summed per bucket. Buckets of time read the roll-ups (folded and not yet folded: exact at
 * every moment); buckets of users, numbers and teams apply the same {@code report_facts} to the records.
 * {@code unreturned} is the returnable calls less the returned ones (both facts) less those that an active worklist
 * dismissal covers: dismissals change without any record changing, so that last part is counted from the records of
 * the few dismissed numbers.
 *
 * <p>An agent's figures are their own calls only (ADR 0022). The roll-ups sum every call of the account and cannot
 * be split by user, so an agent's buckets of time apply {@code report_facts} to their own records, as buckets of
 * users do: the same facts, read from the account's records of the period (index on account and start) filtered
 * to the agent's calls.
 */
@Repository
class ReportQueries {

    /**
     * Facts per bucket (keys: the 1-based cells of the time buckets, or the ids of the dimension, null for none) and
     * of all buckets together, summed from the same rows (for buckets of time: the whole period).
     */
    record Sums(Map<Object, Facts> byBucket, Facts total) {
        Facts of(Object bucket) {
            return byBucket.computeIfAbsent(bucket, b -> new Facts());
        }
    }

    /**
     * The cell of a time. The arrays are cast in sub-selects, which PostgreSQL evaluates once per query: a cast of a
     * parameter in the expression itself would be parsed again for every row.
     */
    private static final String CELL = "((SELECT CAST(:cells AS int[])))[width_bucket(%s, (SELECT CAST(:starts AS timestamptz[])))]";

    /** The team a call was routed to: the first {@code route} to a team in its call flow (which is newest first). */
    private static final String TEAM = """
            (SELECT (e.value -> 'detail' ->> 'id')::bigint
             FROM json_array_elements(r.call_flow) WITH ORDINALITY AS e(value, i)
             WHERE e.value ->> 'action' = 'route' AND e.value -> 'detail' ->> 'type' = 'team'
             ORDER BY e.i DESC LIMIT 1)""";

    /** The slots' facts without the distributions: the heat map's cells count calls only (V12 indexes just these). */
    private static final String COUNTS = " AND measure NOT IN (%d, %d)"
            .formatted(ReportMeasure.ANSWERED.code, ReportMeasure.RETURNED.code);

    /** The members' measures of rings (V27): a user's rings and rings answered, in {@code total}. */
    private static final int RINGS = 101;
    private static final int RINGS_ANSWERED = 102;

    private final JdbcClient db;
    private final DayRollups dayRollups;

    ReportQueries(JdbcClient db, DayRollups dayRollups) {
        this.db = db;
        this.dayRollups = dayRollups;
    }

    /**
     * The facts of the period per bucket of time. The account's day roll-ups answer a period of whole local days in
     * their zone, as one bucket or by day; the 15-minute slots answer everything else. The weekday × hour cells are
     * summed from the slots' counts only (the heat map carries no distribution), their total from the days when
     * they can.
     */
    Sums byTime(long account, Long ownUser, ReportRequest request, TimeBuckets buckets) {
        if (ownUser != null) {
            return ownByTime(account, ownUser, request, buckets);
        }
        Sums sums = new Sums(new HashMap<>(), new Facts());
        // A period read from its slots groups into up to about 150,000 (bucket, measure, value) rows: let the
        // aggregate stay in memory.
        db.sql("SET LOCAL work_mem = '64MB'").update();
        Optional<DayRollups.Days> days = dayRollups.answering(account, request);
        boolean heatMap = request.grouping() == ReportGrouping.WEEKDAY_HOUR;
        if (heatMap) {
            slots(account, request, buckets, COUNTS, cellsOnly(sums));
            wholePeriod(account, request, days, totalOnly(sums));
        } else if (buckets.isWhole()) {
            wholePeriod(account, request, days, facts(sums, ReportQueries::cell));
        } else if (days.isPresent() && request.grouping() == ReportGrouping.DAY) {
            days(account, request, days.get(), "f.day - CAST(:from_day AS date) + 1", facts(sums, ReportQueries::cell));
        } else {
            slots(account, request, buckets, "", facts(sums, ReportQueries::cell));
        }
        dismissed(account, null, request, sums, buckets);
        return sums;
    }

    /** The row of {@link #wholeDays} that counts the dismissed calls: a measure no fact has. */
    private static final int DISMISSED = -1;

    /**
     * The facts of a period of whole local days as a whole, for everyone but an agent (today's, for the wallboard's
     * tiles every few seconds): the rows {@link #byTime} sums for it (the account's days when they are kept in the
     * request's zone, else its slots; the changes not folded yet; the dismissed calls), read in one statement, so in
     * one snapshot and one round trip without a transaction, where {@link #byTime} takes five statements in a
     * repeatable-read one. The same rows, so the same total.
     */
    Facts wholeDays(long account, ReportRequest request, DayRollups.Days days) {
        Facts total = new Facts();
        db.sql("""
                        SELECT measure, value, calls, total FROM report_day_facts
                        WHERE account_id = :account AND day >= :from_day AND day < :to_day
                          AND EXISTS (SELECT FROM report_day_zones z WHERE z.account_id = :account AND z.zone = :zone)
                        UNION ALL
                        SELECT measure, value, calls, total FROM report_facts
                        WHERE account_id = :account AND slot >= :from AND slot < :to
                          AND NOT EXISTS (SELECT FROM report_day_zones z WHERE z.account_id = :account AND z.zone = :zone)
                        UNION ALL
                        SELECT measure, value, calls, total FROM report_fact_changes
                        WHERE account_id = :account AND slot >= :from AND slot < :to
                        UNION ALL
                        SELECT %d, 0, count(*), 0
                        FROM missed_call_dismissals d JOIN call_records r ON r.caller_number = d.caller_number
                        WHERE d.account_id = :account AND d.undismissed_at IS NULL AND %s AND %s""".formatted(DISMISSED,
                        WorklistSql.missedInPeriod("r"), WorklistSql.coveredByDismissal("r", "d")))
                .params(request.period().params(account))
                .param("from_day", days.from()).param("to_day", days.to()).param("zone", request.zone().getId())
                .query(rs -> {
                    int measure = rs.getInt(1);
                    if (measure == DISMISSED) {
                        total.dismissed += rs.getLong(3);
                    } else {
                        total.add(ReportMeasure.of(measure), rs.getInt(2), rs.getLong(3), rs.getLong(4));
                    }
                });
        return total;
    }

    /** The dismissed calls of the period: into the total only for the heat map (its cells show none), else per cell. */
    private void dismissed(long account, Long ownUser, ReportRequest request, Sums sums, TimeBuckets buckets) {
        if (request.grouping() == ReportGrouping.WEEKDAY_HOUR) {
            dismissed(account, ownUser, request, "1", sums, null, null);
        } else {
            dismissed(account, ownUser, request, CELL.formatted("r.started_at"), sums, ReportQueries::cell, buckets);
        }
    }

    /**
     * An agent's facts per bucket of time, from their own records of the period: each call in the cell of its slot,
     * as the roll-ups put it. The heat map's cells count calls only, as they do from the roll-ups.
     */
    private Sums ownByTime(long account, long ownUser, ReportRequest request, TimeBuckets buckets) {
        Sums sums = new Sums(new HashMap<>(), new Facts());
        boolean heatMap = request.grouping() == ReportGrouping.WEEKDAY_HOUR;
        RowCallbackHandler all = facts(sums, ReportQueries::cell);
        RowCallbackHandler rows = !heatMap ? all : rs -> {
            totalOnly(sums).processRow(rs);
            ReportMeasure measure = ReportMeasure.of(rs.getInt(2));
            if (measure != ReportMeasure.ANSWERED && measure != ReportMeasure.RETURNED) {
                cellsOnly(sums).processRow(rs);
            }
        };
        db.sql("""
                        SELECT %s AS bucket, f.measure, f.value, count(*) AS calls, sum(f.total) AS total
                        FROM call_records r, LATERAL report_facts(r) f
                        WHERE r.account_id = :account AND r.started_at >= :from AND r.started_at < :to%s
                        GROUP BY 1, 2, 3""".formatted(CELL.formatted("report_slot(r.started_at)"),
                        OwnCalls.and("r", ownUser)))
                .params(params(account, ownUser, request))
                .param("starts", buckets.startsLiteral()).param("cells", buckets.cellsLiteral())
                .query(rows);
        dismissed(account, ownUser, request, sums, buckets);
        return sums;
    }

    /** The period's parameters, and the agent's id when there is one. */
    private static Map<String, Object> params(long account, Long ownUser, ReportRequest request) {
        Map<String, Object> params = request.period().params(account);
        if (ownUser != null) {
            params.put(OwnCalls.PARAMETER, ownUser);
        }
        return params;
    }

    /** The facts of the whole period, from its days when they can answer it. */
    private void wholePeriod(long account, ReportRequest request, Optional<DayRollups.Days> days, RowCallbackHandler rows) {
        if (days.isPresent()) {
            days(account, request, days.get(), "1", rows);
        } else {
            slots(account, request, TimeBuckets.wholePeriod(request.period().from()), "", rows);
        }
    }

    /** The facts of the slots of the period, folded and not yet folded, summed per cell of {@code buckets}. */
    private void slots(long account, ReportRequest request, TimeBuckets buckets, String measures,
                       RowCallbackHandler rows) {
        db.sql("""
                        SELECT %s AS bucket, measure, value, sum(calls) AS calls, sum(total) AS total
                        FROM (SELECT slot, measure, value, calls, total FROM report_facts
                              WHERE account_id = :account AND slot >= :from AND slot < :to%2$s
                              UNION ALL
                              SELECT slot, measure, value, calls, total FROM report_fact_changes
                              WHERE account_id = :account AND slot >= :from AND slot < :to%2$s) f
                        GROUP BY 1, 2, 3""".formatted(CELL.formatted("slot"), measures))
                .params(request.period().params(account)).param("starts", buckets.startsLiteral()).param("cells", buckets.cellsLiteral())
                .query(rows);
    }

    /**
     * The facts of the period's local days per {@code bucket} (an expression of {@code f.day}); the changes not yet
     * folded are put in their local day as the fold will. Not grouped: a day's rows are one per (measure, value)
     * already, and hashing a month's 40,000 of them again took longer than adding them up in {@link Facts}.
     */
    private void days(long account, ReportRequest request, DayRollups.Days days, String bucket, RowCallbackHandler rows) {
        db.sql("""
                        SELECT %s AS bucket, measure, value, calls, total
                        FROM (SELECT day, measure, value, calls, total FROM report_day_facts
                              WHERE account_id = :account AND day >= :from_day AND day < :to_day
                              UNION ALL
                              SELECT (slot AT TIME ZONE :zone)::date, measure, value, calls, total FROM report_fact_changes
                              WHERE account_id = :account AND slot >= :from AND slot < :to) f""".formatted(bucket))
                .params(request.period().params(account))
                .param("from_day", days.from()).param("to_day", days.to()).param("zone", request.zone().getId())
                .query(rows);
    }

    /**
     * The facts of the period per user, number or team; an agent's ({@code ownUser}) own calls only. By user and by
     * team, the members' day roll-ups (V27) answer a period of whole local days in their zone for everyone but an
     * agent (whose own calls they cannot split out); the records answer the rest, with the same facts.
     */
    Sums byDimension(long account, Long ownUser, ReportRequest request) {
        Optional<DayRollups.Days> days = ownUser == null && request.grouping() != ReportGrouping.NUMBER
                ? dayRollups.answering(account, request) : Optional.empty();
        return days.isPresent() ? byDimensionFromDays(account, request, days.get())
                : byDimensionFromRecords(account, ownUser, request);
    }

    /** {@link #byDimension} from the records of the period, as the members' days are built. */
    Sums byDimensionFromRecords(long account, Long ownUser, ReportRequest request) {
        Sums sums = new Sums(new HashMap<>(), new Facts());
        String dimension = dimension(request.grouping());
        db.sql("""
                        SELECT %s AS bucket, f.measure, f.value, count(*) AS calls, sum(f.total) AS total
                        FROM call_records r, LATERAL report_facts(r) f
                        WHERE r.account_id = :account AND r.started_at >= :from AND r.started_at < :to%s%s
                        GROUP BY 1, 2, 3""".formatted(dimension, teamsOnly(request), OwnCalls.and("r", ownUser)))
                .params(params(account, ownUser, request))
                .query(facts(sums, ReportQueries::bucket));
        if (request.grouping() == ReportGrouping.USER) {
            rings(account, ownUser, request, sums);
        }
        return notRolledUp(account, ownUser, request, sums);
    }

    /**
     * {@link #byDimension} from the members' days of the period, their changes not folded yet, and the facts of the
     * pending records (V30: written since the last fold, computed here from the records as the fold will), all of one
     * snapshot: a row per member, day, measure and value instead of every record of the period. The period is whole
     * local days, hence whole slots, so a record's start time is in it exactly when its slot is. Rows that cancel out
     * (a record that moved to another user) make no bucket, as no record makes one.
     */
    Sums byDimensionFromDays(long account, ReportRequest request, DayRollups.Days days) {
        Sums sums = new Sums(new HashMap<>(), new Facts());
        RowCallbackHandler facts = facts(sums, ReportQueries::bucket);
        db.sql("""
                        SELECT member_id AS bucket, measure, value, sum(calls) AS calls, sum(total) AS total
                        FROM (SELECT member_id, measure, value, calls, total FROM report_member_day_facts
                              WHERE account_id = :account AND kind = CAST(:kind AS "char")
                                AND day >= :from_day AND day < :to_day
                              UNION ALL
                              SELECT member_id, measure, value, calls, total FROM report_member_fact_changes
                              WHERE account_id = :account AND kind = CAST(:kind AS "char")
                                AND slot >= :from AND slot < :to
                              UNION ALL
                              SELECT f.member_id, f.measure, f.value, 1, f.total
                              FROM report_member_pending p
                              JOIN call_records r ON r.account_id = p.account_id AND r.uuid = p.uuid,
                                   LATERAL report_member_facts(r) f
                              WHERE p.account_id = :account AND f.kind = CAST(:kind AS "char")
                                AND r.started_at >= :from AND r.started_at < :to) f
                        GROUP BY 1, 2, 3
                        HAVING sum(calls) <> 0 OR sum(total) <> 0""")
                .params(request.period().params(account))
                .param("kind", request.grouping() == ReportGrouping.USER ? "u" : "t")
                .param("from_day", days.from()).param("to_day", days.to())
                .query(rs -> {
                    int measure = rs.getInt(2);
                    if (measure == RINGS) {
                        sums.of(bucket(rs)).rings += rs.getLong(5);
                    } else if (measure == RINGS_ANSWERED) {
                        sums.of(bucket(rs)).ringsAnswered += rs.getLong(5);
                    } else {
                        facts.processRow(rs);
                    }
                });
        return notRolledUp(account, null, request, sums);
    }

    /**
     * What no roll-up holds: the dismissed calls (dismissals change without a record changing) and, by user, the
     * callbacks made (a fact of two records: the call made and the missed call it returned).
     */
    private Sums notRolledUp(long account, Long ownUser, ReportRequest request, Sums sums) {
        dismissed(account, ownUser, request, dimension(request.grouping()), sums, ReportQueries::bucket, null);
        if (request.grouping() == ReportGrouping.USER) {
            // Callbacks made: the user's calls in the period that returned a missed call.
            db.sql("""
                            SELECT r.user_id AS bucket, count(*) AS calls FROM call_records r
                            WHERE r.account_id = :account AND r.started_at >= :from AND r.started_at < :to
                              AND r.direction = 'outbound' AND r.ended_at IS NOT NULL%s
                              AND EXISTS (SELECT 1 FROM call_records m
                                          WHERE m.account_id = r.account_id AND m.callback_cdr_uuid = r.uuid)
                            GROUP BY 1""".formatted(OwnCalls.and("r", ownUser)))
                    .params(params(account, ownUser, request))
                    .query(rs -> {
                        sums.of(bucket(rs)).callbacksMade += rs.getLong("calls");
                    });
        }
        return sums;
    }

    /**
     * The rings of each user ({@code report_rings}, V21): every inbound call that rang them counts, also one that
     * someone else answered, so a ring they let run out or rejected counts against them. An agent's own rings are
     * read by their user id on the rings, not by the rule of their own calls: a call that rang them and that they did
     * not take is not theirs to see (ADR 0022), but that it rang them is their own figure, and no other user's is
     * read (ADR 0026).
     */
    private void rings(long account, Long ownUser, ReportRequest request, Sums sums) {
        db.sql("""
                        SELECT g.user_id AS bucket, sum(g.rings) AS rings, sum(g.answered) AS answered
                        FROM call_records r, LATERAL report_rings(r) g
                        WHERE r.account_id = :account AND r.started_at >= :from AND r.started_at < :to%s
                        GROUP BY 1""".formatted(ownUser == null ? "" : " AND g.user_id = :" + OwnCalls.PARAMETER))
                .params(params(account, ownUser, request))
                .query(rs -> {
                    Facts facts = sums.of(bucket(rs));
                    facts.rings += rs.getLong("rings");
                    facts.ringsAnswered += rs.getLong("answered");
                });
    }

    /**
     * Missed calls with no callback that the active dismissal of their number covers ({@link WorklistSql}, the
     * worklist's own rule), into the buckets of {@code rowBucket} and the total; only the total without one. Read from
     * the dismissals, which are few, through the index of missed calls by caller.
     */
    private void dismissed(long account, Long ownUser, ReportRequest request, String bucket, Sums sums,
                           RowBucket rowBucket, TimeBuckets buckets) {
        var spec = db.sql("""
                        SELECT %s AS bucket, count(*) AS calls
                        FROM missed_call_dismissals d JOIN call_records r ON r.caller_number = d.caller_number
                        WHERE d.account_id = :account AND d.undismissed_at IS NULL AND %s AND %s%s%s
                        GROUP BY 1""".formatted(bucket, WorklistSql.missedInPeriod("r"),
                        WorklistSql.coveredByDismissal("r", "d"), teamsOnly(request), OwnCalls.and("r", ownUser)))
                .params(params(account, ownUser, request));
        if (buckets != null) {
            spec = spec.param("starts", buckets.startsLiteral()).param("cells", buckets.cellsLiteral());
        }
        spec.query(rs -> {
            long calls = rs.getLong("calls");
            if (rowBucket != null) {
                sums.of(rowBucket.of(rs)).dismissed += calls;
            }
            sums.total().dismissed += calls;
        });
    }

    /**
     * Adds each row (bucket, measure, value, calls, total) to its bucket and to the total. Columns by position: a
     * month by time is about 150,000 rows, and a lookup by name costs on every one.
     */
    private static RowCallbackHandler facts(Sums sums, RowBucket rowBucket) {
        return rs -> {
            ReportMeasure measure = ReportMeasure.of(rs.getInt(2));
            int value = rs.getInt(3);
            long calls = rs.getLong(4);
            long total = rs.getLong(5);
            sums.of(rowBucket.of(rs)).add(measure, value, calls, total);
            sums.total().add(measure, value, calls, total);
        };
    }

    /** Adds each row to its cell only: the cells of the heat map, whose total is read apart. */
    private static RowCallbackHandler cellsOnly(Sums sums) {
        return rs -> sums.of(cell(rs)).add(ReportMeasure.of(rs.getInt(2)), rs.getInt(3), rs.getLong(4), rs.getLong(5));
    }

    /** Adds each row to the total only. */
    private static RowCallbackHandler totalOnly(Sums sums) {
        return rs -> sums.total().add(ReportMeasure.of(rs.getInt(2)), rs.getInt(3), rs.getLong(4), rs.getLong(5));
    }

    /** The bucket of a row: its first column. */
    @FunctionalInterface
    private interface RowBucket {
        Object of(ResultSet rs) throws SQLException;
    }

    private static Object cell(ResultSet rs) throws SQLException {
        return rs.getInt(1);
    }

    private static Object bucket(ResultSet rs) throws SQLException {
        long id = rs.getLong(1);
        return rs.wasNull() ? null : id;
    }

    private static String dimension(ReportGrouping grouping) {
        return switch (grouping) {
            case USER -> "r.user_id";
            case NUMBER -> "r.number_id";
            case TEAM -> TEAM;
            default -> throw new IllegalArgumentException(grouping + " is a grouping by time");
        };
    }

    /** Team buckets hold the calls that touched a team; the others hold every call. */
    private static String teamsOnly(ReportRequest request) {
        return request.grouping() == ReportGrouping.TEAM ? " AND r.team_touch_at IS NOT NULL" : "";
    }
}
