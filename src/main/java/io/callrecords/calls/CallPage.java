package io.callrecords.calls;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One page of a call list: the records in their wire shape, the number of all matches, and the cursor that
 * continues after the last record (null when nothing follows).
 */
record CallPage(List<Map<String, Object>> records, long count, String nextCursor) {

    /** {@code {"data": [...], "meta": {"count", "offset", "limit", "next_cursor"}}}. */
    Map<String, Object> body(CallListQuery query) {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("count", count);
        meta.put("offset", query.offset());
        meta.put("limit", query.limit());
        meta.put("next_cursor", nextCursor);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data", records);
        body.put("meta", meta);
        return body;
    }
}
