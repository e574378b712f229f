package io.callrecords.calls;

import io.callrecords.accounts.SettingsTimeline;
import io.callrecords.shared.Timestamps;
import java.time.Instant;
import java.util.ArrayList;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Links missing calls to the call that returned them (call-records.md §3.10): a missing call M from
 * number N is returned by the first later outbound call C to N within the callback window, the
 * window being the one in force at M's start (M's own rules, like its reason). A link is never
 * moved. Linking runs from both sides, so the result is the same whichever of M and C arrives
 * first; the caller holds the number locks of both sides, so parallel requests cannot both miss.
 */
@Component
class CallbackLinker {

    private final JdbcClient jdbc;

    CallbackLinker(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The phone numbers whose links the given records may change: lock them before writing. */
    static List<String> numbersOf(List<CallRecord> records) {
        List<String> numbers = new ArrayList<>();
        for (CallRecord r : records) {
            if (Boolean.TRUE.equals(r.missingCall())) {
                numbers.add(r.callerNumber());
            }
            if (r.direction() == Direction.OUTBOUND) {
                numbers.add(r.calleeNumber());
            }
        }
        return numbers;
    }

    /** Links what the written records make linkable; returns the missing calls that got a link. */
    List<UUID> link(long accountId, List<CallRecord> written, SettingsTimeline settings) {
        List<CallRecord> missing = written.stream().filter(r -> Boolean.TRUE.equals(r.missingCall())).toList();
        List<CallRecord> outbound = written.stream().filter(r -> r.direction() == Direction.OUTBOUND).toList();
        List<UUID> linked = new ArrayList<>();
        if (!missing.isEmpty()) {
            linked.addAll(returningCallsOf(accountId, missing, settings));
        }
        if (!outbound.isEmpty()) {
            linked.addAll(missingCallsReturnedBy(accountId, outbound, settings));
        }
        return linked;
    }

    /** From the missing calls' side: for each, the first outbound call to its caller after it ended, in its window. */
    private List<UUID> returningCallsOf(long accountId, List<CallRecord> missing, SettingsTimeline settings) {
        return jdbc.sql("""
                        WITH m AS (
                          SELECT * FROM unnest(CAST(:uuids AS uuid[]), CAST(:numbers AS text[]),
                                               CAST(:ended AS timestamptz[]), CAST(:windows AS bigint[]))
                                   AS m(uuid, number, ended_at, window_seconds)),
                        pick AS (
                          SELECT m.uuid AS missing, c.uuid, c.started_at, c.user_id FROM m CROSS JOIN LATERAL (
                            SELECT uuid, started_at, CASE WHEN caller_type = 'user' THEN caller_id ELSE user_id END AS user_id
                            FROM call_records
                            WHERE account_id = :account AND direction = 'outbound' AND callee_number = m.number
                              AND started_at >= m.ended_at AND started_at <= m.ended_at + make_interval(secs => m.window_seconds)
                            ORDER BY started_at, uuid LIMIT 1) c)
                        UPDATE call_records r
                        SET callback_cdr_uuid = pick.uuid, callback_user_id = pick.user_id,
                            callback_time = floor(extract(epoch FROM pick.started_at - r.ended_at))::int, updated_at = now()
                        FROM pick
                        WHERE r.account_id = :account AND r.uuid = pick.missing AND r.missing_call AND r.callback_cdr_uuid IS NULL
                        RETURNING r.uuid""")
                .param("account", accountId)
                .param("uuids", missing.stream().map(r -> r.uuid().toString()).toArray(String[]::new))
                .param("numbers", missing.stream().map(CallRecord::callerNumber).toArray(String[]::new))
                .param("ended", missing.stream().map(r -> r.endedAt().toString()).toArray(String[]::new))
                .param("windows", missing.stream().map(r -> Long.toString(window(settings, r))).toArray(String[]::new))
                .query(UUID.class)
                .list();
    }

    /**
     * From the returning calls' side: every unreturned missing call from a call's callee that ended
     * before it, in the missing call's window; a missing call returned by several calls of the batch
     * goes to the earliest.
     */
    private List<UUID> missingCallsReturnedBy(long accountId, List<CallRecord> outbound, SettingsTimeline settings) {
        record Candidate(UUID call, Instant callStarted, String callUser, UUID missing, Instant missingStarted,
                         Instant missingEnded) {}
        List<Candidate> candidates = jdbc.sql("""
                        SELECT o.uuid AS call, o.started_at AS call_started, o.user_id AS call_user,
                               m.uuid AS missing, m.started_at AS missing_started, m.ended_at AS missing_ended
                        FROM unnest(CAST(:calls AS uuid[]), CAST(:numbers AS text[]), CAST(:started AS timestamptz[]),
                                    CAST(:users AS text[])) AS o(uuid, number, started_at, user_id)
                        JOIN call_records m ON m.account_id = :account AND m.missing_call AND m.callback_cdr_uuid IS NULL
                             AND m.caller_number = o.number AND m.ended_at <= o.started_at""")
                .param("account", accountId)
                .param("calls", outbound.stream().map(r -> r.uuid().toString()).toArray(String[]::new))
                .param("numbers", outbound.stream().map(CallRecord::calleeNumber).toArray(String[]::new))
                .param("started", outbound.stream().map(r -> r.startedAt().toString()).toArray(String[]::new))
                .param("users", outbound.stream().map(CallbackLinker::callingUser).toArray(String[]::new))
                .query((rs, row) -> new Candidate(rs.getObject("call", UUID.class), Timestamps.fromDb(rs, "call_started"),
                        rs.getString("call_user"), rs.getObject("missing", UUID.class),
                        Timestamps.fromDb(rs, "missing_started"), Timestamps.fromDb(rs, "missing_ended")))
                .list();
        Comparator<Candidate> byCallTime = Comparator.comparing(Candidate::callStarted).thenComparing(Candidate::call);
        Map<UUID, Candidate> earliest = new HashMap<>();
        for (Candidate c : candidates) {
            Duration window = settings.inForceAt(c.missingStarted()).settings().callbackWindow();
            if (!c.missingEnded().plus(window).isBefore(c.callStarted())) {
                earliest.merge(c.missing(), c, (a, b) -> byCallTime.compare(a, b) <= 0 ? a : b);
            }
        }
        if (earliest.isEmpty()) {
            return List.of();
        }
        List<Candidate> links = List.copyOf(earliest.values());
        return jdbc.sql("""
                        UPDATE call_records r
                        SET callback_cdr_uuid = l.call, callback_user_id = l.user_id,
                            callback_time = floor(extract(epoch FROM l.started_at - r.ended_at))::int, updated_at = now()
                        FROM unnest(CAST(:missing AS uuid[]), CAST(:calls AS uuid[]), CAST(:users AS bigint[]),
                                    CAST(:started AS timestamptz[])) AS l(missing, call, user_id, started_at)
                        WHERE r.account_id = :account AND r.uuid = l.missing AND r.callback_cdr_uuid IS NULL
                        RETURNING r.uuid""")
                .param("account", accountId)
                .param("missing", links.stream().map(c -> c.missing().toString()).toArray(String[]::new))
                .param("calls", links.stream().map(c -> c.call().toString()).toArray(String[]::new))
                .param("users", links.stream().map(Candidate::callUser).toArray(String[]::new))
                .param("started", links.stream().map(c -> c.callStarted().toString()).toArray(String[]::new))
                .query(UUID.class)
                .list();
    }

    private static long window(SettingsTimeline settings, CallRecord missing) {
        return settings.inForceAt(missing.startedAt()).settings().callbackWindow().toSeconds();
    }

    /** The user who made a returning call: its caller when a user called, else the user it connected. */
    private static String callingUser(CallRecord call) {
        Long user = call.callerType() == EndpointType.USER ? call.callerId() : call.userId();
        return user == null ? null : user.toString();
    }
}
