package io.callrecords.calls;

import io.callrecords.shared.Timestamps;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** The {@code call_records} table: the derived columns, and the callback link kept beside them. */
@Repository
class CallRecordStore {

    /**
     * What a call looked like before a change: enough to tell which module events the change raises, and which
     * numbers' callback links it may change (a call that stops returning, or being missed from, a number).
     */
    /** @param mirrored the record is another platform's (call_records.mirrored): events never derive it again */
    record Previous(Instant connectedAt, Instant endedAt, Direction direction, String callerNumber,
                    String calleeNumber, boolean missingCall, boolean mirrored) {}

    private static final String UPSERT = """
            INSERT INTO call_records (account_id, uuid, direction, number_id, channel_type, channel_id,
                caller_number, callee_number, caller_type, caller_id, callee_type, callee_id, user_id,
                contact_id, company_id, related_type, related_id, started_at, answered_at, bridged_at, ended_at,
                team_touch_at, connected_at, first_touch_duration, call_duration, missing_call, missing_call_reason,
                hangup_by, voicemail_id, voicemail_type, credited, call_flow, settings_version, updated_at)
            VALUES (:account, :uuid, :direction, :number_id, :channel_type, :channel_id,
                :caller_number, :callee_number, :caller_type, :caller_id, :callee_type, :callee_id, :user_id,
                :contact_id, :company_id, :related_type, :related_id, :started_at, :answered_at, :bridged_at, :ended_at,
                :team_touch_at, :connected_at, :first_touch_duration, :call_duration, :missing_call, :missing_call_reason,
                :hangup_by, :voicemail_id, :voicemail_type, :credited, CAST(:call_flow AS json), :settings_version, now())
            ON CONFLICT (account_id, uuid) DO UPDATE SET
                direction = EXCLUDED.direction, number_id = EXCLUDED.number_id, channel_type = EXCLUDED.channel_type,
                channel_id = EXCLUDED.channel_id, caller_number = EXCLUDED.caller_number,
                callee_number = EXCLUDED.callee_number, caller_type = EXCLUDED.caller_type,
                caller_id = EXCLUDED.caller_id, callee_type = EXCLUDED.callee_type, callee_id = EXCLUDED.callee_id,
                user_id = EXCLUDED.user_id, contact_id = EXCLUDED.contact_id, company_id = EXCLUDED.company_id,
                related_type = EXCLUDED.related_type, related_id = EXCLUDED.related_id,
                started_at = EXCLUDED.started_at, answered_at = EXCLUDED.answered_at,
                bridged_at = EXCLUDED.bridged_at, ended_at = EXCLUDED.ended_at,
                team_touch_at = EXCLUDED.team_touch_at, connected_at = EXCLUDED.connected_at,
                first_touch_duration = EXCLUDED.first_touch_duration, call_duration = EXCLUDED.call_duration,
                missing_call = EXCLUDED.missing_call, missing_call_reason = EXCLUDED.missing_call_reason,
                hangup_by = EXCLUDED.hangup_by, voicemail_id = EXCLUDED.voicemail_id,
                voicemail_type = EXCLUDED.voicemail_type, credited = EXCLUDED.credited, call_flow = EXCLUDED.call_flow,
                settings_version = EXCLUDED.settings_version, updated_at = now(),
                -- a call that stopped being missing (a late bridge) is no one's to return any more; a missing call
                -- keeps its link here, and the linker brings it up to date after the write
                callback_user_id = CASE WHEN EXCLUDED.missing_call THEN call_records.callback_user_id END,
                callback_time = CASE WHEN EXCLUDED.missing_call THEN call_records.callback_time END,
                callback_cdr_uuid = CASE WHEN EXCLUDED.missing_call THEN call_records.callback_cdr_uuid END,
                callback_kept = CASE WHEN EXCLUDED.missing_call THEN call_records.callback_kept ELSE false END""";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;
    private final JsonMapper json;

    CallRecordStore(JdbcClient jdbc, NamedParameterJdbcTemplate batch, JsonMapper json) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.json = json;
    }

    Map<UUID, Previous> previous(long accountId, Collection<UUID> calls) {
        Map<UUID, Previous> found = new HashMap<>();
        jdbc.sql("SELECT uuid, connected_at, ended_at, direction, caller_number, callee_number, missing_call, mirrored"
                        + " FROM call_records WHERE account_id = :account AND uuid = ANY(CAST(:calls AS uuid[]))")
                .param("account", accountId)
                .param("calls", calls.stream().map(UUID::toString).toArray(String[]::new))
                .query(rs -> {
                    found.put(rs.getObject("uuid", UUID.class),
                            new Previous(Timestamps.fromDb(rs, "connected_at"), Timestamps.fromDb(rs, "ended_at"),
                                    Direction.fromWire(rs.getString("direction")).orElse(null),
                                    rs.getString("caller_number"), rs.getString("callee_number"),
                                    rs.getBoolean("missing_call"), rs.getBoolean("mirrored")));
                });
        return found;
    }

    /** Writes the derived records (with the settings version each was derived with), in one batch. */
    void upsert(long accountId, List<DerivedCall> records) {
        MapSqlParameterSource[] rows = records.stream().map(d -> row(accountId, d)).toArray(MapSqlParameterSource[]::new);
        batch.batchUpdate(UPSERT, rows);
    }

    private MapSqlParameterSource row(long accountId, DerivedCall derived) {
        DerivedRecord r = derived.record();
        return new MapSqlParameterSource()
                .addValue("account", accountId)
                .addValue("uuid", r.uuid())
                .addValue("direction", wire(r.direction()))
                .addValue("number_id", r.numberId())
                .addValue("channel_type", r.channelType())
                .addValue("channel_id", r.channelId())
                .addValue("caller_number", r.callerNumber())
                .addValue("callee_number", r.calleeNumber())
                .addValue("caller_type", wire(r.callerType()))
                .addValue("caller_id", r.callerId())
                .addValue("callee_type", wire(r.calleeType()))
                .addValue("callee_id", r.calleeId())
                .addValue("user_id", r.userId())
                .addValue("contact_id", r.contactId())
                .addValue("company_id", r.companyId())
                .addValue("related_type", wire(r.relatedType()))
                .addValue("related_id", r.relatedId())
                .addValue("started_at", Timestamps.toDb(r.startedAt()))
                .addValue("answered_at", Timestamps.toDb(r.answeredAt()))
                .addValue("bridged_at", Timestamps.toDb(r.bridgedAt()))
                .addValue("ended_at", Timestamps.toDb(r.endedAt()))
                .addValue("team_touch_at", Timestamps.toDb(r.teamTouchAt()))
                .addValue("connected_at", Timestamps.toDb(r.connectedAt()))
                .addValue("first_touch_duration", r.firstTouchDuration())
                .addValue("call_duration", r.callDuration())
                .addValue("missing_call", r.missingCall())
                .addValue("missing_call_reason", wire(r.missingCallReason()))
                .addValue("hangup_by", wire(r.hangupBy()))
                .addValue("voicemail_id", r.voicemailId())
                .addValue("voicemail_type", wire(r.voicemailType()))
                .addValue("credited", r.credited())
                .addValue("call_flow", json.writeValueAsString(r.callFlow().stream().map(CallFlow::wire).toList()))
                .addValue("settings_version", derived.settingsVersion());
    }

    private static String wire(WireName value) {
        return value == null ? null : value.wire();
    }
}
