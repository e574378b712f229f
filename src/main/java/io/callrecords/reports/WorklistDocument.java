package io.callrecords.reports;

import io.callrecords.shared.Timestamps;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON of the worklist endpoints: lines, pages of them, and dismissals. */
final class WorklistDocument {

    private WorklistDocument() {}

    /** {@code {"data": [LINE...], "meta": {"count", "limit", "next_cursor", "from", "to"}}}. */
    static Map<String, Object> page(Worklist.Page page, WorklistRequest request) {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("count", page.count());
        meta.put("limit", request.limit());
        meta.put("next_cursor", page.next() == null ? null : page.next().encode());
        meta.put("from", Timestamps.wire(request.period().from()));
        meta.put("to", Timestamps.wire(request.period().to()));
        return body(page.lines().stream().map(WorklistDocument::line).toList(), meta);
    }

    static Map<String, Object> line(WorklistLine line) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("number", line.number());
        out.put("contact_id", line.contactId());
        out.put("contact_name", line.contactName());
        out.put("company_id", line.companyId());
        out.put("company_name", line.companyName());
        out.put("missed_calls", line.missedCalls());
        out.put("first_missed_at", Timestamps.wire(line.firstMissedAt()));
        out.put("last_missed_at", Timestamps.wire(line.lastMissedAt()));
        out.put("reasons", line.reasons());
        out.put("returned", line.returned());
        out.put("unreturned", line.unreturned());
        out.put("last_callback_at", Timestamps.wire(line.lastCallbackAt()));
        out.put("callback_cdr_uuid", line.callbackCdrUuid() == null ? null : line.callbackCdrUuid().toString());
        out.put("status", line.status().wire());
        out.put("dismissal", line.dismissal() == null ? null : active(line.dismissal()));
        return out;
    }

    /** {@code {"data": [DISMISSAL...], "meta": {"count"}}}, each with its end, newest first. */
    static Map<String, Object> history(List<Dismissal> dismissals) {
        return body(dismissals.stream().map(d -> {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("id", d.id());
            out.putAll(active(d));
            out.put("undismissed_at", Timestamps.wire(d.undismissedAt()));
            out.put("undismissed_by_key_id", d.undismissedBy());
            return out;
        }).toList(), Map.of("count", dismissals.size()));
    }

    /** A dismissal as a line shows it: why, and who dismissed the number when. */
    private static Map<String, Object> active(Dismissal dismissal) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("reason", dismissal.reason());
        out.put("note", dismissal.note());
        out.put("dismissed_at", Timestamps.wire(dismissal.dismissedAt()));
        out.put("dismissed_by_key_id", dismissal.dismissedBy());
        return out;
    }

    private static Map<String, Object> body(Object data, Map<String, Object> meta) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data", data);
        body.put("meta", meta);
        return body;
    }
}
