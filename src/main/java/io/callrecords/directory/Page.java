package io.callrecords.directory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** One page of a list and the number of all matches. */
record Page<T>(List<T> items, long count) {

    /** {@code {"data": [...], "meta": {"count", "offset", "limit"}}}. */
    Map<String, Object> body(Function<T, Map<String, Object>> view, ListQuery query) {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("count", count);
        meta.put("offset", query.offset());
        meta.put("limit", query.limit());
        return Map.of("data", items.stream().map(view).toList(), "meta", meta);
    }
}
