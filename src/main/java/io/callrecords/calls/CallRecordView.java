package io.callrecords.calls;

import io.callrecords.shared.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.RowMapper;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.util.RawValue;

/**
 * A {@code call_records} row in the wire shape of call-records.md §1: every field present, null
 * when unknown, times in UTC to the second, in the order the article lists them.
 */
final class CallRecordView implements RowMapper<Map<String, Object>> {

    static final String COLUMNS = """
            uuid, direction, number_id, channel_type, channel_id, caller_number, callee_number, caller_type,
            caller_id, callee_type, callee_id, user_id, contact_id, company_id, related_type, related_id,
            started_at, answered_at, bridged_at, ended_at, team_touch_at, first_touch_duration, call_duration,
            missing_call, missing_call_reason, hangup_by, voicemail_id, voicemail_type, callback_user_id,
            callback_time, callback_cdr_uuid, updated_at, call_flow::text AS call_flow""";

    /** The fields of the wire shape, in the order every record is served (the CSV export's header). */
    static final List<String> FIELDS = List.of("uuid", "direction", "number_id", "channel_type", "channel_id",
            "caller_number", "callee_number", "caller_type", "caller_id", "callee_type", "callee_id", "user_id",
            "contact_id", "company_id", "related_type", "related_id", "started_at", "answered_at", "bridged_at",
            "ended_at", "team_touch_at", "first_touch_duration", "call_duration", "missing_call",
            "missing_call_reason", "hangup_by", "record_url", "voicemail_url", "voicemail_id", "voicemail_type",
            "callback_user_id", "callback_time", "callback_cdr_uuid", "updated_at", "call_flow");

    private static final TypeReference<List<Object>> FLOW = new TypeReference<>() {};
    private static final List<String> TIMES = List.of("started_at", "answered_at", "bridged_at", "ended_at",
            "team_touch_at");

    private final JsonMapper json;
    private final boolean rawCallFlow;

    CallRecordView(JsonMapper json) {
        this(json, false);
    }

    private CallRecordView(JsonMapper json, boolean rawCallFlow) {
        this.json = json;
        this.rawCallFlow = rawCallFlow;
    }

    /**
     * The same shape with {@code call_flow} as the JSON text stored (a {@link RawValue}): what the export streams,
     * where parsing and writing again every record's events would cost more than the rest of the row.
     */
    static CallRecordView withRawCallFlow(JsonMapper json) {
        return new CallRecordView(json, true);
    }

    @Override
    public Map<String, Object> mapRow(ResultSet rs, int row) throws SQLException {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("uuid", rs.getString("uuid"));
        out.put("direction", rs.getString("direction"));
        out.put("number_id", nullableLong(rs, "number_id"));
        out.put("channel_type", rs.getString("channel_type"));
        out.put("channel_id", nullableLong(rs, "channel_id"));
        out.put("caller_number", rs.getString("caller_number"));
        out.put("callee_number", rs.getString("callee_number"));
        out.put("caller_type", rs.getString("caller_type"));
        out.put("caller_id", nullableLong(rs, "caller_id"));
        out.put("callee_type", rs.getString("callee_type"));
        out.put("callee_id", nullableLong(rs, "callee_id"));
        out.put("user_id", nullableLong(rs, "user_id"));
        out.put("contact_id", nullableLong(rs, "contact_id"));
        out.put("company_id", nullableLong(rs, "company_id"));
        out.put("related_type", rs.getString("related_type"));
        out.put("related_id", nullableLong(rs, "related_id"));
        for (String time : TIMES) {
            out.put(time, Timestamps.wire(Timestamps.fromDb(rs, time)));
        }
        out.put("first_touch_duration", rs.getInt("first_touch_duration"));
        out.put("call_duration", rs.getObject("call_duration", Integer.class));
        out.put("missing_call", rs.getObject("missing_call", Boolean.class));
        out.put("missing_call_reason", rs.getString("missing_call_reason"));
        out.put("hangup_by", rs.getString("hangup_by"));
        out.put("record_url", null);
        out.put("voicemail_url", null);
        out.put("voicemail_id", nullableLong(rs, "voicemail_id"));
        out.put("voicemail_type", rs.getString("voicemail_type"));
        out.put("callback_user_id", nullableLong(rs, "callback_user_id"));
        out.put("callback_time", rs.getObject("callback_time", Integer.class));
        out.put("callback_cdr_uuid", rs.getString("callback_cdr_uuid"));
        out.put("updated_at", Timestamps.wire(Timestamps.fromDb(rs, "updated_at")));
        String flow = rs.getString("call_flow");
        out.put("call_flow", rawCallFlow ? new RawValue(flow) : json.readValue(flow, FLOW));
        return out;
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, Long.class);
    }

}
