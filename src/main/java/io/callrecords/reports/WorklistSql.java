package io.callrecords.reports;

import io.callrecords.calls.MissingCallReason;
import io.callrecords.shared.OwnCalls;
import io.callrecords.shared.Timestamps;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The statements of the worklist. A line is the aggregate of one caller number's missed calls in the period
 * ({@link #lines}). A page walks the period's missed calls in start order and makes a line of each call that is its
 * number's first (oldest first) or last (newest first) in the period: it reads the calls up to its last line (one
 * index probe each, a frequent caller's other calls too), aggregates the line of each number it meets once, and
 * stops at the limit. Dismissed lines are rare, and only numbers with an active dismissal can have one, so their
 * pages start from the dismissals instead. Counting unreturned lines reads only the unreturned calls (the partial
 * index call_records_unreturned_started); the other counts aggregate every missed call of the period.
 */
final class WorklistSql {

    /** The statement and its named parameters. */
    record Statement(String sql, Map<String, Object> params) {}

    /**
     * Where the lines of a page come from: {@code from} and {@code where} give one row per line, {@code l} being the
     * line; {@code keyAt} and {@code keyUuid} order them, newest first unless {@code ascending}; {@code number} is
     * the caller.
     */
    private record Lines(String from, String where, String keyAt, String keyUuid, boolean ascending, String number) {

        /**
         * The period's missed calls, in start order, each standing for its line when it is the number's first (last):
         * no call of the number in the period comes before (after) it. That test is one index probe per walked call,
         * made on the walk's own scan, so that a line is aggregated once: for its number's first (last) call only.
         * {@code OFFSET 0} keeps the test a subplan. As an anti-join it left the planner free to aggregate the line for
         * every walked call before the join dropped all but the number's first, which it did when its estimates of
         * the account were off (an account the statistics had not seen yet): a number with n missed calls in the walk
         * cost n aggregates of n calls (docs/performance.md, "Missed-call worklist").
         */
        static Lines walk(boolean ascending, Long ownUser) {
            return new Lines("call_records m CROSS JOIN LATERAL (" + lines("c.caller_number = m.caller_number", ownUser)
                    + ") l", missedInPeriod("m") + theirs("m", ownUser)
                    + " AND NOT EXISTS (SELECT 1 FROM call_records e WHERE " + missedInPeriod("e") + theirs("e", ownUser)
                            + " AND e.caller_number = m.caller_number AND (e.started_at, e.uuid) "
                            + (ascending ? "<" : ">") + " (m.started_at, m.uuid) OFFSET 0)",
                    "m.started_at", "m.uuid", ascending, "m.caller_number");
        }

        /** The numbers with an active dismissal; the key of a line is its last missed call, as in the walk. */
        static Lines dismissed(Long ownUser) {
            return new Lines("missed_call_dismissals a CROSS JOIN LATERAL ("
                    + lines("c.caller_number = a.caller_number", ownUser) + ") l", "a.account_id = :account AND a.undismissed_at IS NULL", "l.last_missed_at",
                    "l.newest_uuid", false, "a.caller_number");
        }

        static Lines of(WorklistStatus status, Long ownUser) {
            return status == WorklistStatus.DISMISSED ? dismissed(ownUser) : walk(status.oldestFirst(), ownUser);
        }

        /** The rows that match the request, without paging. */
        String matching(WorklistRequest request, Map<String, Object> params) {
            return " FROM " + from + " WHERE " + where + " AND " + numberSearch(number, request, params)
                    + lineFilter(request, params);
        }

        /** The rows after the cursor's. */
        String after() {
            return " AND (" + keyAt + ", " + keyUuid + ") " + (ascending ? ">" : "<") + " (:key_at, :key_uuid)";
        }

        String order() {
            return WorklistSql.order(keyAt, keyUuid, ascending);
        }
    }

    private WorklistSql() {}

    /** The column of a line that counts the calls of a reason: {@code reason_abandoned} ... */
    static String reasonColumn(MissingCallReason reason) {
        return "reason_" + reason.wire();
    }

    /**
     * An agent's missed calls (ADR 0022): their own calls ({@link OwnCalls}), the calls sent to them first
     * ({@code callee_type} user), and the calls that came in on their default number. Empty for everyone else, who
     * sees every line. The default number is read by a sub-select that runs once per statement.
     */
    static String theirs(String call, Long ownUser) {
        return ownUser == null ? "" : (" AND (%2$s OR (%1$s.callee_type = 'user' AND %1$s.callee_id = :own_user)"
                + " OR %1$s.number_id = (SELECT o.default_number_id FROM users o"
                + " WHERE o.account_id = :account AND o.id = :own_user))").formatted(call, OwnCalls.of(call));
    }

    /** The period's parameters, and the agent's id when there is one. */
    private static Map<String, Object> params(long accountId, Long ownUser, ReportPeriod period) {
        Map<String, Object> params = period.params(accountId);
        if (ownUser != null) {
            params.put(OwnCalls.PARAMETER, ownUser);
        }
        return params;
    }

    /** The lines whose keys follow the cursor, in the status's order, with the columns {@link Worklist} reads. */
    static Statement page(long accountId, Long ownUser, WorklistRequest request) {
        Map<String, Object> params = params(accountId, ownUser, request.period());
        Lines lines = Lines.of(request.status(), ownUser);
        String page = "SELECT " + lines.keyAt() + " AS key_at, " + lines.keyUuid() + " AS key_uuid, l.*"
                + lines.matching(request, params);
        if (request.cursor() != null) {
            page += lines.after();
            params.put("key_at", Timestamps.toDb(request.cursor().at()));
            params.put("key_uuid", request.cursor().uuid());
        }
        params.put("limit", request.limit() + 1);
        page += " ORDER BY " + lines.order() + " LIMIT :limit";
        return new Statement(withDetails(page, order("key_at", "key_uuid", lines.ascending())), params);
    }

    /** The line of one number over the period; no row when the number has no missed call in it. */
    static Statement line(long accountId, Long ownUser, String number, ReportPeriod period) {
        Map<String, Object> params = params(accountId, ownUser, period);
        params.put("number", number);
        String page = "SELECT NULL::timestamptz AS key_at, NULL::uuid AS key_uuid, l.* FROM ("
                + lines("c.caller_number = :number", ownUser) + ") l";
        return new Statement(withDetails(page, "key_at"), params);
    }

    /** Whether the number ever missed a call the worklist counts: a number without one names no line. */
    static Statement anyMissedCall(long accountId, Long ownUser, String number) {
        Map<String, Object> params = new HashMap<>(Map.of("account", accountId, "number", number));
        if (ownUser != null) {
            params.put(OwnCalls.PARAMETER, ownUser);
        }
        return new Statement("SELECT EXISTS (SELECT 1 FROM call_records c WHERE " + worklistCall("c")
                + theirs("c", ownUser) + " AND c.caller_number = :number)", params);
    }

    /** How many lines match, whatever the page. */
    static Statement count(long accountId, Long ownUser, WorklistRequest request) {
        Map<String, Object> params = params(accountId, ownUser, request.period());
        return switch (request.status()) {
            case UNRETURNED -> unreturnedCount(request, ownUser, params);
            case DISMISSED -> new Statement("SELECT count(*)" + Lines.dismissed(ownUser).matching(request, params),
                    params);
            case RETURNED, ALL -> new Statement("SELECT count(*) FROM (" + lines(numberSearch("c.caller_number", request,
                    params), ownUser) + ") l WHERE true" + lineFilter(request, params), params);
        };
    }

    /** The numbers of the period's unreturned calls: what the partial index holds, and far fewer than all missed calls. */
    private static Statement unreturnedCount(WorklistRequest request, Long ownUser, Map<String, Object> params) {
        String numbers = "SELECT u.caller_number FROM call_records u LEFT JOIN " + activeDismissal("u.caller_number", "d")
                + " WHERE " + missedInPeriod("u") + theirs("u", ownUser) + " AND " + unreturned("u", "d")
                + " AND " + numberSearch("u.caller_number", request, params) + " GROUP BY u.caller_number";
        String reason = "";
        if (request.reason() != null) {
            reason = " WHERE EXISTS (SELECT 1 FROM call_records r WHERE " + missedInPeriod("r") + theirs("r", ownUser)
                    + " AND r.caller_number = n.caller_number AND r.missing_call_reason = :reason)";
            params.put("reason", request.reason().wire());
        }
        return new Statement("SELECT count(*) FROM (" + numbers + ") n" + reason, params);
    }

    /**
     * One row per caller number: the counts, the times, the status, the newest missed call (whose contact and company
     * the line shows) and the callback of the newest returned call.
     */
    private static String lines(String condition, Long ownUser) {
        String reasons = WorklistLine.REASONS.stream()
                .map(r -> "count(*) FILTER (WHERE c.missing_call_reason = '" + r.wire() + "') AS " + reasonColumn(r))
                .collect(Collectors.joining(", "));
        return "SELECT c.caller_number AS number, count(*) AS missed_calls, min(c.started_at) AS first_missed_at,"
                + " max(c.started_at) AS last_missed_at, " + reasons + ", count(c.callback_cdr_uuid) AS returned,"
                + " count(*) FILTER (WHERE " + unreturned("c", "d") + ") AS unreturned,"
                + " CASE WHEN count(*) FILTER (WHERE " + unreturned("c", "d") + ") > 0 THEN 'unreturned'"
                + " WHEN count(*) FILTER (WHERE c.callback_cdr_uuid IS NULL) > 0 THEN 'dismissed'"
                + " ELSE 'returned' END AS status,"
                + " (array_agg(c.uuid ORDER BY c.started_at DESC, c.uuid DESC))[1] AS newest_uuid,"
                + " (array_agg(c.callback_cdr_uuid ORDER BY c.started_at DESC, c.uuid DESC)"
                + " FILTER (WHERE c.callback_cdr_uuid IS NOT NULL))[1] AS callback_cdr_uuid"
                + " FROM call_records c LEFT JOIN " + activeDismissal("c.caller_number", "d")
                + " WHERE " + missedInPeriod("c") + theirs("c", ownUser) + " AND " + condition
                + " GROUP BY c.caller_number";
    }

    /** The page's lines with what only a served line needs: contact and company, callback time, active dismissal. */
    private static String withDetails(String page, String order) {
        return "WITH page AS (" + page + ")"
                + " SELECT page.*, newest.contact_id, newest.company_id, callback.started_at AS last_callback_at, "
                + Dismissals.COLUMNS
                + " FROM page"
                + " LEFT JOIN call_records newest ON newest.account_id = :account AND newest.uuid = page.newest_uuid"
                + " LEFT JOIN call_records callback ON callback.account_id = :account"
                + " AND callback.uuid = page.callback_cdr_uuid"
                + " LEFT JOIN " + activeDismissal("page.number", "d")
                + " ORDER BY " + order;
    }

    /** A missed call the worklist counts: denylisted callers were refused on purpose. */
    private static String worklistCall(String call) {
        return "%1$s.account_id = :account AND %1$s.missing_call AND %1$s.missing_call_reason IS DISTINCT FROM 'denylist'"
                .formatted(call);
    }

    /** A missed call the worklist counts, started in the period. */
    static String missedInPeriod(String call) {
        return worklistCall(call) + " AND %1$s.started_at >= :from AND %1$s.started_at < :to".formatted(call);
    }

    /**
     * Unreturned (reports.md), for the worklist and the summary alike: no callback, and not covered by the active
     * dismissal joined as {@code dismissal} ({@link #activeDismissal}), which covers the number's calls that started
     * before it and no later one (V7).
     */
    static String unreturned(String call, String dismissal) {
        return "%1$s.callback_cdr_uuid IS NULL AND (%2$s.dismissed_at IS NULL OR %1$s.started_at >= %2$s.dismissed_at)"
                .formatted(call, dismissal);
    }

    /**
     * The missed calls an active dismissal, joined as {@code dismissal}, takes out of unreturned: no callback, and
     * started before the dismissal. Every other missed call with no callback is {@link #unreturned}.
     */
    static String coveredByDismissal(String call, String dismissal) {
        return "%1$s.callback_cdr_uuid IS NULL AND %1$s.started_at < %2$s.dismissed_at".formatted(call, dismissal);
    }

    /** The join of the active dismissal, aliased {@code dismissal}, of the caller number in {@code number}. */
    static String activeDismissal(String number, String dismissal) {
        return ("missed_call_dismissals %2$s ON %2$s.account_id = :account AND %2$s.caller_number = %1$s"
                + " AND %2$s.undismissed_at IS NULL").formatted(number, dismissal);
    }

    /** The caller number contains the searched digits; {@code true} without a search. */
    private static String numberSearch(String number, WorklistRequest request, Map<String, Object> params) {
        if (request.numberSearch() == null) {
            return "true";
        }
        params.put("search", "%" + request.numberSearch() + "%");
        return number + " LIKE :search";
    }

    /** The status and reason filters on a line {@code l}. */
    private static String lineFilter(WorklistRequest request, Map<String, Object> params) {
        String filter = "";
        if (request.status() != WorklistStatus.ALL) {
            filter += " AND l.status = :status";
            params.put("status", request.status().wire());
        }
        if (request.reason() != null) {
            filter += " AND l." + reasonColumn(request.reason()) + " > 0";
        }
        return filter;
    }

    private static String order(String at, String uuid, boolean ascending) {
        String direction = ascending ? "" : " DESC";
        return at + direction + ", " + uuid + direction;
    }
}
