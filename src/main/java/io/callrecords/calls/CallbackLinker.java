package io.callrecords.calls;

import io.callrecords.accounts.AccountSettings;
import io.callrecords.accounts.SettingsTimeline;
import io.callrecords.accounts.SettingsVersion;
import io.callrecords.shared.Timestamps;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Links missing calls to the call that returned them (call-records.md §3.10): a missing call M from number N is
 * returned by the first outbound call C to N that started at or after M's end, within the callback window in force at
 * M's start (M's own rules, like its reason). The link is a function of the records, not of their arrival (ADR 0012):
 * after records are written, every missing call whose link they may change gets the link the records now give, which
 * sets, moves or clears it. A link that came with an imported record ({@code callback_kept}) stays as it came.
 * The caller holds the locks of {@link #numbersOf}: the last transaction to link a number sees every record the
 * others wrote, so parallel requests end as if they had come one after the other.
 */
@Component
class CallbackLinker {

    /** A missing call whose link may change, and when it started (which picks its window). */
    private record Concerned(UUID uuid, Instant startedAt) {}

    private final JdbcClient jdbc;

    CallbackLinker(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The phone numbers whose links writing these records may change: lock them before linking. Each record counts
     * as written and as it was before, since a call that stops being outbound to a number, or starts calling another
     * one, changes the links of the number it left.
     */
    static Set<String> numbersOf(List<DerivedRecord> written, Collection<CallRecordStore.Previous> before) {
        Set<String> numbers = new TreeSet<>();
        for (DerivedRecord r : written) {
            if (Boolean.TRUE.equals(r.missingCall())) {
                numbers.add(r.callerNumber());
            }
            if (r.direction() == Direction.OUTBOUND) {
                numbers.add(r.calleeNumber());
            }
        }
        for (CallRecordStore.Previous p : before) {
            if (p.missingCall()) {
                numbers.add(p.callerNumber());
            }
            if (p.direction() == Direction.OUTBOUND) {
                numbers.add(p.calleeNumber());
            }
        }
        return numbers;
    }

    /** Brings the links the written records may change up to date; returns the missing calls whose link changed. */
    List<UUID> link(long accountId, List<DerivedRecord> written, SettingsTimeline settings) {
        Map<UUID, Concerned> concerned = new LinkedHashMap<>();
        // A missing call written now: its own number, end or window may have changed.
        written.stream().filter(r -> Boolean.TRUE.equals(r.missingCall()))
                .forEach(r -> concerned.put(r.uuid(), new Concerned(r.uuid(), r.startedAt())));
        concernedByCallsBack(accountId, written, longestWindow(settings))
                .forEach(m -> concerned.putIfAbsent(m.uuid(), m));
        return concerned.isEmpty() ? List.of() : relink(accountId, List.copyOf(concerned.values()), settings);
    }

    /**
     * The other missing calls whose link the written calls may change: those linked to a written call (it may have
     * stopped qualifying: a new start, number or direction), and those a written outbound call may return (from its
     * callee, ended before it within the account's longest window; each one's own window applies when relinking),
     * returned ones too, since the call may be earlier than the one that returned them so far.
     */
    private List<Concerned> concernedByCallsBack(long accountId, List<DerivedRecord> written, Duration longestWindow) {
        List<DerivedRecord> outbound = written.stream().filter(r -> r.direction() == Direction.OUTBOUND).toList();
        return jdbc.sql("""
                        SELECT uuid, started_at FROM call_records
                        WHERE account_id = :account AND callback_cdr_uuid = ANY(CAST(:calls AS uuid[]))
                          AND callback_cdr_uuid IS NOT NULL -- so that call_records_callback_of serves any plan
                          AND missing_call AND NOT callback_kept
                        UNION
                        SELECT m.uuid, m.started_at
                        FROM unnest(CAST(:numbers AS text[]), CAST(:started AS timestamptz[])) AS o(number, started_at)
                        JOIN call_records m ON m.account_id = :account AND m.missing_call AND NOT m.callback_kept
                             AND m.caller_number = o.number AND m.ended_at <= o.started_at
                             AND m.ended_at >= o.started_at - make_interval(secs => :longest)""")
                .param("account", accountId)
                .param("calls", written.stream().map(r -> r.uuid().toString()).toArray(String[]::new))
                .param("numbers", outbound.stream().map(DerivedRecord::calleeNumber).toArray(String[]::new))
                .param("started", outbound.stream().map(r -> r.startedAt().toString()).toArray(String[]::new))
                .param("longest", longestWindow.toSeconds())
                .query((rs, row) -> new Concerned(rs.getObject("uuid", UUID.class), Timestamps.fromDb(rs, "started_at")))
                .list();
    }

    /**
     * Gives each missing call the link the records give it now: the first outbound call to its caller from its end
     * to the end of its window (ties by uuid), or none. Only links that change are written, so that an unchanged
     * record keeps its updated_at and raises no call_updated.
     */
    private List<UUID> relink(long accountId, List<Concerned> missing, SettingsTimeline settings) {
        return jdbc.sql("""
                        WITH m AS (
                          SELECT * FROM unnest(CAST(:uuids AS uuid[]), CAST(:windows AS bigint[])) AS m(uuid, seconds)),
                        pick AS (
                          SELECT r.uuid AS missing, c.uuid, c.user_id,
                                 floor(extract(epoch FROM c.started_at - r.ended_at))::int AS time
                          FROM m JOIN call_records r ON r.account_id = :account AND r.uuid = m.uuid
                          LEFT JOIN LATERAL (
                            SELECT uuid, started_at,
                                   CASE WHEN caller_type = 'user' THEN caller_id ELSE user_id END AS user_id
                            FROM call_records
                            WHERE account_id = :account AND direction = 'outbound' AND callee_number = r.caller_number
                              AND started_at >= r.ended_at AND started_at <= r.ended_at + make_interval(secs => m.seconds)
                            ORDER BY started_at, uuid LIMIT 1) c ON true)
                        UPDATE call_records r
                        SET callback_cdr_uuid = pick.uuid, callback_user_id = pick.user_id, callback_time = pick.time,
                            updated_at = now()
                        FROM pick
                        WHERE r.account_id = :account AND r.uuid = pick.missing AND r.missing_call AND NOT r.callback_kept
                          AND (r.callback_cdr_uuid, r.callback_user_id, r.callback_time)
                              IS DISTINCT FROM (pick.uuid, pick.user_id, pick.time)
                        RETURNING r.uuid""")
                .param("account", accountId)
                .param("uuids", missing.stream().map(m -> m.uuid().toString()).toArray(String[]::new))
                .param("windows", missing.stream().map(m -> Long.toString(window(settings, m.startedAt())))
                        .toArray(String[]::new))
                .query(UUID.class)
                .list();
    }

    private static long window(SettingsTimeline settings, Instant missingStarted) {
        return settings.inForceAt(missingStarted).settings().callbackWindow().toSeconds();
    }

    /** The longest callback window of any settings version: no missing call can be returned from further away. */
    private static Duration longestWindow(SettingsTimeline settings) {
        return settings.versions().stream().map(SettingsVersion::settings).map(AccountSettings::callbackWindow)
                .max(Duration::compareTo).orElseThrow();
    }
}
