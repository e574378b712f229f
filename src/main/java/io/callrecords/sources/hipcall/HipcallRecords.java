package io.callrecords.sources.hipcall;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Hipcall's record in the one shape the calls module reads (research hipcall-api.md §2.4): the legacy API's integer
 * enums (v20211124: {@code direction: 1}, {@code missing_call_reason: 0} for none ...) become v3's strings, a
 * {@code callback_time} given as a time becomes seconds after the missed call's end, and a {@code call_init}'s
 * caller or callee type that Hipcall has not decided yet is taken from the direction and the flow's {@code init}
 * entry until the {@code call_hangup} brings Hipcall's own. Everything else is passed on as Hipcall sent it.
 */
final class HipcallRecords {

    private HipcallRecords() {}

    private static final Map<String, List<String>> LEGACY_ENUMS = Map.of(
            "direction", List.of("inbound", "outbound", "internal"),
            "channel_type", List.of("number", "web_widget"),
            "caller_type", List.of("contact", "user"),
            "callee_type", List.of("contact", "user", "greeting", "team", "hangup"),
            "missing_call_reason", List.of("out_of_business_hours", "short_abandoned", "abandoned", "callback"),
            "hangup_by", List.of("user", "contact", "system"),
            "voicemail_type", List.of("user", "account"));

    /** Ids where the legacy API wrote 0 for none. */
    private static final Set<String> ZERO_IS_NONE = Set.of("contact_id", "company_id", "user_id", "callback_user_id",
            "voicemail_id", "caller_id", "callee_id");

    private static final Set<String> ENDPOINT_TYPES = Set.of("contact", "user", "greeting", "team", "voicemail",
            "smart_ivr", "speed_dial", "external_manager", "hangup");

    private static final DateTimeFormatter LENIENT_OFFSET = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .toFormatter();

    /** The record to read; {@code record} itself is left as it came (it is what was kept). */
    static Object normalise(Object record) {
        if (!(record instanceof Map<?, ?> map)) {
            return record; // the reader says what is wrong with it
        }
        Map<String, Object> r = new LinkedHashMap<>();
        map.forEach((k, v) -> r.put(String.valueOf(k), v));
        LEGACY_ENUMS.forEach((field, names) -> {
            if (r.get(field) instanceof Integer n) {
                r.put(field, n >= 1 && n <= names.size() ? names.get(n - 1) : n == 0 ? null : n);
            }
        });
        ZERO_IS_NONE.forEach(field -> {
            if (r.get(field) instanceof Integer n && n == 0) {
                r.put(field, null);
            }
        });
        if (r.get("callback_time") instanceof String time && r.get("ended_at") instanceof String ended) {
            Instant at = instant(time);
            Instant end = instant(ended);
            if (at != null && end != null) {
                r.put("callback_time", Duration.between(end, at).toSeconds());
            }
        }
        if (r.get("caller_type") == null) {
            r.put("caller_type", "outbound".equals(r.get("direction")) ? "user" : "contact");
        }
        if (r.get("callee_type") == null) {
            r.put("callee_type", "outbound".equals(r.get("direction")) ? "contact" : initType(r.get("call_flow")));
        }
        return r;
    }

    /** Where the call was first sent, by the flow's {@code init} entry ({@code {"id", "type"}}); a user else. */
    private static String initType(Object flow) {
        if (flow instanceof List<?> entries) {
            for (Object e : entries) {
                if (e instanceof Map<?, ?> entry && "init".equals(entry.get("action"))
                        && entry.get("detail") instanceof Map<?, ?> detail
                        && detail.get("type") instanceof String type && ENDPOINT_TYPES.contains(type)) {
                    return type;
                }
            }
        }
        return "user";
    }

    private static Instant instant(String text) {
        try {
            return OffsetDateTime.parse(text, LENIENT_OFFSET).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
