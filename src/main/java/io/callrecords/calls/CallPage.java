package io.callrecords.calls;

import io.callrecords.media.MediaUrls;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.io.ByteArrayOutputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.UUID;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * The body of one page of {@code GET /api/v3/calls} (at most 100 rows, kept until the page's media links are signed):
 * {@code {"data": [...], "meta": {"count", "offset", "limit", "next_cursor"}}}.
 */
final class CallPage {

    private final ByteArrayOutputStream body = new ByteArrayOutputStream(16 * 1024);
    private final JsonGenerator json;
    private final CallListQuery query;
    private final List<CallRecord> rows = new ArrayList<>();
    private final List<UUID> uuids = new ArrayList<>();
    private int records;
    private ListCursor last;
    private boolean more;

    CallPage(JsonMapper mapper, CallListQuery query) {
        this.json = mapper.createGenerator(body);
        this.query = query;
        json.writeStartObject();
        json.writeName("data");
        json.writeStartArray();
    }

    /** Adds the record of the current row; a row beyond the limit only says that more follow. */
    void add(ResultSet row) throws SQLException {
        if (records == query.limit()) {
            more = true;
            return;
        }
        CallRecord record = CallRecordFields.read(row);
        UUID uuid = record.uuid();
        rows.add(record);
        uuids.add(uuid);
        records++;
        last = new ListCursor(query.sort(), row.getObject(query.sort().column(), OffsetDateTime.class).toInstant(), uuid);
    }

    int records() {
        return records;
    }

    /** More matches follow this page. */
    boolean more() {
        return more;
    }

    /** The calls of the page, to sign their media links in one go. */
    List<UUID> uuids() {
        return uuids;
    }

    byte[] finish(long count, Map<UUID, MediaUrls> media) {
        for (int i = 0; i < rows.size(); i++) {
            RecordJson.write(CallRecords.withMedia(rows.get(i), media.getOrDefault(uuids.get(i), MediaUrls.NONE)), json);
        }
        json.writeEndArray();
        json.writeName("meta");
        json.writeStartObject();
        json.writeNumberProperty("count", count);
        json.writeNumberProperty("offset", query.offset());
        json.writeNumberProperty("limit", query.limit());
        json.writeStringProperty("next_cursor", more ? last.encode() : null);
        json.writeEndObject();
        json.writeEndObject();
        json.close();
        return body.toByteArray();
    }
}
