package io.callrecords.calls;

import io.callrecords.accounts.SettingsTimeline;
import io.callrecords.shared.Timestamps;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
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
        List<UUID> linked = new ArrayList<>();
        for (CallRecord r : written) {
            if (Boolean.TRUE.equals(r.missingCall())) {
                returningCallOf(accountId, r, settings).ifPresent(linked::add);
            }
        }
        written.stream()
                .filter(r -> r.direction() == Direction.OUTBOUND)
                .sorted(Comparator.comparing(CallRecord::startedAt))
                .forEach(c -> linked.addAll(missingCallsReturnedBy(accountId, c, settings)));
        return linked;
    }

    /** From the missing call's side: the first outbound call to its caller after it ended. */
    private Optional<UUID> returningCallOf(long accountId, CallRecord missing, SettingsTimeline settings) {
        long window = settings.inForceAt(missing.startedAt()).settings().callbackWindow().toSeconds();
        return jdbc.sql("""
                        WITH c AS (
                          SELECT uuid, started_at, CASE WHEN caller_type = 'user' THEN caller_id ELSE user_id END AS user_id
                          FROM call_records
                          WHERE account_id = :account AND direction = 'outbound' AND callee_number = :number
                            AND started_at >= :ended AND started_at <= :ended + make_interval(secs => :window)
                          ORDER BY started_at, uuid LIMIT 1)
                        UPDATE call_records m
                        SET callback_cdr_uuid = c.uuid, callback_user_id = c.user_id,
                            callback_time = floor(extract(epoch FROM c.started_at - m.ended_at))::int, updated_at = now()
                        FROM c
                        WHERE m.account_id = :account AND m.uuid = :missing AND m.missing_call
                          AND m.callback_cdr_uuid IS NULL
                        RETURNING m.uuid""")
                .param("account", accountId)
                .param("number", missing.callerNumber())
                .param("ended", Timestamps.toDb(missing.endedAt()))
                .param("window", window)
                .param("missing", missing.uuid())
                .query(UUID.class)
                .optional();
    }

    /** From the returning call's side: every unreturned missing call from its callee that ended before it. */
    private List<UUID> missingCallsReturnedBy(long accountId, CallRecord call, SettingsTimeline settings) {
        record Candidate(UUID uuid, Instant startedAt, Instant endedAt) {}
        List<Candidate> candidates = jdbc.sql("""
                        SELECT uuid, started_at, ended_at FROM call_records
                        WHERE account_id = :account AND missing_call AND callback_cdr_uuid IS NULL
                          AND caller_number = :number AND ended_at <= :started""")
                .param("account", accountId)
                .param("number", call.calleeNumber())
                .param("started", Timestamps.toDb(call.startedAt()))
                .query((rs, row) -> new Candidate(rs.getObject("uuid", UUID.class), Timestamps.fromDb(rs, "started_at"),
                        Timestamps.fromDb(rs, "ended_at")))
                .list();
        List<UUID> inWindow = candidates.stream()
                .filter(m -> !m.endedAt().plus(settings.inForceAt(m.startedAt()).settings().callbackWindow())
                        .isBefore(call.startedAt()))
                .map(Candidate::uuid)
                .toList();
        if (inWindow.isEmpty()) {
            return List.of();
        }
        Long user = call.callerType() == EndpointType.USER ? call.callerId() : call.userId();
        return jdbc.sql("""
                        UPDATE call_records
                        SET callback_cdr_uuid = :call, callback_user_id = :user,
                            callback_time = floor(extract(epoch FROM CAST(:started AS timestamptz) - ended_at))::int,
                            updated_at = now()
                        WHERE account_id = :account AND uuid = ANY(CAST(:missing AS uuid[])) AND callback_cdr_uuid IS NULL
                        RETURNING uuid""")
                .param("call", call.uuid())
                .param("user", user)
                .param("started", Timestamps.toDb(call.startedAt()))
                .param("account", accountId)
                .param("missing", inWindow.stream().map(UUID::toString).toArray(String[]::new))
                .query(UUID.class)
                .list();
    }
}
