package io.callrecords.calls;

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
 * when unknown, times in UTC to the second, in the order the article lists them ({@link WireField#ALL}).
 */
final class CallRecordView implements RowMapper<Map<String, Object>> {

    /** The select list of a row this view reads (by position). */
    static final String COLUMNS = WireField.COLUMNS;

    /** The fields of the wire shape, in the order every record is served (the CSV export's header). */
    static final List<String> FIELDS = WireField.NAMES;

    private static final TypeReference<List<Object>> FLOW = new TypeReference<>() {};

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
     * The same shape with {@code call_flow} as the JSON text stored (a {@link RawValue}), for lists: parsing it only
     * to write it again cost a tenth of a list request's CPU.
     */
    static CallRecordView withRawCallFlow(JsonMapper json) {
        return new CallRecordView(json, true);
    }

    @Override
    public Map<String, Object> mapRow(ResultSet rs, int row) throws SQLException {
        Map<String, Object> out = new LinkedHashMap<>();
        Object[] values = WireField.values(rs);
        for (int i = 0; i < values.length; i++) {
            WireField field = WireField.ALL.get(i);
            Object value = values[i];
            if (field.kind() == WireField.Kind.FLOW) {
                value = rawCallFlow ? new RawValue((String) value) : json.readValue((String) value, FLOW);
            }
            out.put(field.name(), value);
        }
        return out;
    }
}
