package io.callrecords.sources.hipcall;

import io.callrecords.shared.ApiException;
import io.callrecords.shared.FieldErrors;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports what an account kept of its Hipcall: a webhook log (NDJSON of {@code {"event", "data"}} lines, as the
 * cdr_via_webhook demo and Hipcall's debug log keep them, {@code call_init} lines included) or records read from
 * Hipcall's API (a JSON array, the list answer {@code {"data": [...]}}, or NDJSON; the legacy API's integer enums too).
 * All or nothing: every line is read and checked before anything is kept; importing the same text again finds only
 * duplicates. It sits beside {@code /api/v3/calls/import}, not in it (ADR 0027): that endpoint takes records in this
 * service's own shape and keeps no raw document; this one takes Hipcall's shapes and keeps each line as it came.
 */
@Service
class HipcallImport {

    private final HipcallMirror mirror;
    private final JsonMapper json;

    HipcallImport(HipcallMirror mirror, JsonMapper json) {
        this.mirror = mirror;
        this.json = json;
    }

    HipcallMirror.Outcome importText(long accountId, String text, String apiBaseUrl) {
        List<Object> values = values(text);
        FieldErrors errors = new FieldErrors();
        List<HipcallMirror.Item> items = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            Object value = values.get(i);
            String at = "records[" + i + "]";
            if (!(value instanceof Map<?, ?> map)) {
                errors.add(at, "must be a JSON object: {\"event\": ..., \"data\": {...}} or a Hipcall call record");
                continue;
            }
            String body = json.writeValueAsString(value);
            if (map.containsKey("event")) {
                if (!(map.get("event") instanceof String event) || event.isBlank()) {
                    errors.add(at + ".event", "must be the event's name, such as call_hangup");
                    continue;
                }
                if (HipcallMirror.CALL_EVENTS.contains(event) && !(map.get("data") instanceof Map<?, ?>)) {
                    errors.add(at + ".data", "must be the call record of the " + event);
                    continue;
                }
                items.add(new HipcallMirror.Item(event, map.get("data"), "application/json", body));
            } else {
                items.add(new HipcallMirror.Item("api", map, "application/json", body));
            }
        }
        if (values.isEmpty()) {
            errors.add("records", "is empty: send at least one line");
        }
        errors.throwIfAny();
        return mirror.imported(accountId, items, apiBaseUrl);
    }

    /** One JSON value (an array, a list answer, one object) or NDJSON lines. */
    private List<Object> values(String text) {
        String trimmed = text.strip();
        try {
            Object whole = json.readValue(trimmed, Object.class);
            if (whole instanceof List<?> list) {
                return new ArrayList<>(list);
            }
            if (whole instanceof Map<?, ?> map && map.get("data") instanceof List<?> list && !map.containsKey("event")) {
                return new ArrayList<>(list);
            }
            return whole == null ? List.of() : List.of(whole);
        } catch (JacksonException notOneValue) {
            // NDJSON: one value per line
        }
        List<Object> values = new ArrayList<>();
        String[] lines = trimmed.split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            try {
                values.add(json.readValue(lines[i], Object.class));
            } catch (JacksonException e) {
                throw new ApiException(HttpStatus.BAD_REQUEST, "Line " + (i + 1) + " is not JSON.");
            }
        }
        return values;
    }
}
