package io.callrecords.calls;

import io.callrecords.shared.Timestamps;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The {@code call_events} table: every event received, once. */
@Repository
class CallEventStore {

    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};
    private static final EventReader STORED = EventReader.ofStored();

    private final JdbcClient jdbc;
    private final JsonMapper json;

    CallEventStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Stores the events whose id the account has not seen yet, in list order.
     *
     * @return the arrival number of each event stored; an event missing from it was a duplicate
     */
    Map<String, Long> insertNew(long accountId, List<CallEvent> events) {
        return insertNew(accountId, null, events);
    }

    /** As {@link #insertNew(long, List)}, the events marked as written by the named source's translation. */
    Map<String, Long> insertNew(long accountId, String source, List<CallEvent> events) {
        int n = events.size();
        String[] ids = new String[n];
        String[] calls = new String[n];
        String[] actions = new String[n];
        String[] ats = new String[n];
        String[] details = new String[n];
        for (int i = 0; i < n; i++) {
            CallEvent e = events.get(i);
            ids[i] = e.id();
            calls[i] = e.callUuid().toString();
            actions[i] = e.action().wire();
            ats[i] = e.at().toString();
            details[i] = json.writeValueAsString(e.detail().wire());
        }
        Map<String, Long> arrivals = new HashMap<>();
        jdbc.sql("""
                        INSERT INTO call_events (account_id, id, call_uuid, action, at, detail, source)
                        SELECT :account, e.id, CAST(e.call_uuid AS uuid), e.action, CAST(e.at AS timestamptz), CAST(e.detail AS json), :source
                        FROM unnest(CAST(:ids AS text[]), CAST(:calls AS text[]), CAST(:actions AS text[]),
                                    CAST(:ats AS text[]), CAST(:details AS text[]))
                             WITH ORDINALITY AS e(id, call_uuid, action, at, detail, position)
                        ORDER BY e.position
                        ON CONFLICT (account_id, id) DO NOTHING
                        RETURNING id, arrival""")
                .param("account", accountId)
                .param("source", source, java.sql.Types.VARCHAR)
                .param("ids", ids)
                .param("calls", calls)
                .param("actions", actions)
                .param("ats", ats)
                .param("details", details)
                .query(rs -> {
                    arrivals.put(rs.getString("id"), rs.getLong("arrival"));
                });
        return arrivals;
    }

    /** The events of the calls that the named source's translation wrote, each call's in arrival order. */
    Map<UUID, List<CallEvent>> fromSource(long accountId, Collection<UUID> calls, String source) {
        Map<UUID, List<CallEvent>> byCall = new HashMap<>();
        jdbc.sql("""
                        SELECT id, call_uuid, action, at, detail::text AS detail, arrival FROM call_events
                        WHERE account_id = :account AND call_uuid = ANY(CAST(:calls AS uuid[])) AND source = :source
                        ORDER BY arrival""")
                .param("account", accountId)
                .param("calls", calls.stream().map(UUID::toString).toArray(String[]::new))
                .param("source", source)
                .query(rs -> {
                    CallEvent event = read(rs);
                    byCall.computeIfAbsent(event.callUuid(), c -> new java.util.ArrayList<>()).add(event);
                });
        return byCall;
    }

    /** Removes the events of the calls that the named source's translation wrote. */
    void deleteFromSource(long accountId, Collection<UUID> calls, String source) {
        jdbc.sql("""
                        DELETE FROM call_events
                        WHERE account_id = :account AND call_uuid = ANY(CAST(:calls AS uuid[])) AND source = :source""")
                .param("account", accountId)
                .param("calls", calls.stream().map(UUID::toString).toArray(String[]::new))
                .param("source", source)
                .update();
    }

    /** Every stored event of the given calls. */
    Map<UUID, List<CallEvent>> forCalls(long accountId, Collection<UUID> calls) {
        Map<UUID, List<CallEvent>> byCall = new HashMap<>();
        jdbc.sql("""
                        SELECT id, call_uuid, action, at, detail::text AS detail, arrival FROM call_events
                        WHERE account_id = :account AND call_uuid = ANY(CAST(:calls AS uuid[]))""")
                .param("account", accountId)
                .param("calls", calls.stream().map(UUID::toString).toArray(String[]::new))
                .query(rs -> {
                    CallEvent event = read(rs);
                    byCall.computeIfAbsent(event.callUuid(), c -> new java.util.ArrayList<>()).add(event);
                });
        return byCall;
    }

    private CallEvent read(java.sql.ResultSet rs) throws java.sql.SQLException {
        CallAction action = WireName.parse(CallAction.class, rs.getString("action")).orElseThrow();
        EventDetail detail = STORED.storedDetail(action, json.readValue(rs.getString("detail"), OBJECT));
        return CallEvent.of(rs.getString("id"), rs.getObject("call_uuid", UUID.class), Timestamps.fromDb(rs, "at"),
                detail, rs.getLong("arrival"));
    }
}
