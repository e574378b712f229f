package io.callrecords.calls;

import io.callrecords.accounts.Caller;
import io.callrecords.shared.OwnCalls;
import io.callrecords.shared.Timestamps;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The calls in progress now (reports.md, "Live"), for the wallboard: one query through the small index of calls
 * that have not ended ({@code call_records_live_list}, V5). A call whose hangup never arrived stops counting
 * {@link #HORIZON} after its start. An agent gets their own calls only (ADR 0022).
 */
@Service
public class LiveCalls {

    /** How long a call without a hangup counts as in progress. */
    public static final Duration HORIZON = Duration.ofHours(12);
    /** The most calls one look reads: a wallboard shows the newest of them. */
    static final int MAX = 500;

    /**
     * A call in progress.
     *
     * @param connectedAt when it was connected to a user (then {@code userId} is that user); null while not
     * @param routedTeam  the team of the call's newest route, when that route went to a team; null otherwise
     * @param routedAt    the time of that newest route (to a team or elsewhere); null for a call never routed
     */
    public record LiveCall(UUID uuid, String direction, String callerNumber, String callerType, Long callerId,
                           String calleeNumber, Long userId, Instant startedAt, Instant connectedAt, Long routedTeam,
                           Instant routedAt) {

        /** Waiting in a team's queue: routed to a team last, and not connected. */
        public boolean waiting() {
            return connectedAt == null && routedTeam != null;
        }

        /** Since when it waits: its newest route's time (its start when the route has none). */
        public Instant waitingSince() {
            return routedAt != null ? routedAt : startedAt;
        }
    }

    private final JdbcClient db;
    private final Clock clock;

    LiveCalls(JdbcClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * The statement of {@link #now}: the account's calls that have not ended and started since {@code :since}, newest
     * first, each with its newest route. The call flow is newest first: its first route is the newest.
     */
    static String sql(Long ownUser) {
        return """
                SELECT r.uuid, r.direction, r.caller_number, r.caller_type, r.caller_id, r.callee_number,
                       r.user_id, r.started_at, r.connected_at, q.team, q.at
                FROM call_records r
                LEFT JOIN LATERAL (
                    SELECT CASE WHEN e.value -> 'detail' ->> 'type' = 'team'
                                 AND (e.value -> 'detail' ->> 'id') ~ '^[0-9]{1,18}$'
                                THEN (e.value -> 'detail' ->> 'id')::bigint END AS team,
                           to_timestamp((e.value ->> 'timestamp')::double precision) AS at
                    FROM json_array_elements(r.call_flow) WITH ORDINALITY AS e(value, i)
                    WHERE e.value ->> 'action' = 'route'
                    ORDER BY e.i LIMIT 1) q ON true
                WHERE r.account_id = :account AND r.ended_at IS NULL AND r.started_at >= :since%s
                ORDER BY r.started_at DESC, r.uuid DESC
                LIMIT :max""".formatted(OwnCalls.and("r", ownUser));
    }

    /** The caller's calls in progress, newest first. */
    public List<LiveCall> now(Caller caller) {
        Map<String, Object> params = new HashMap<>();
        params.put("account", caller.accountId());
        params.put("since", Timestamps.toDb(clock.instant().minus(HORIZON)));
        params.put("max", MAX);
        if (caller.ownCallsOnly() != null) {
            params.put(OwnCalls.PARAMETER, caller.ownCallsOnly());
        }
        return db.sql(sql(caller.ownCallsOnly()))
                .params(params)
                .query((rs, n) -> new LiveCall(rs.getObject("uuid", UUID.class), rs.getString("direction"),
                        rs.getString("caller_number"), rs.getString("caller_type"), (Long) rs.getObject("caller_id"),
                        rs.getString("callee_number"), (Long) rs.getObject("user_id"),
                        Timestamps.fromDb(rs, "started_at"), Timestamps.fromDb(rs, "connected_at"),
                        (Long) rs.getObject("team"), Timestamps.fromDb(rs, "at")))
                .list();
    }
}
