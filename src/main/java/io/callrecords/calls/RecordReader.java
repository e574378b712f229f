package io.callrecords.calls;

import io.callrecords.shared.FieldErrors;
import io.callrecords.shared.PhoneNumbers;
import io.callrecords.shared.Text;
import io.callrecords.shared.Times;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Reads a finished call record in the wire shape of call-records.md §1 (an export, a webhook log),
 * reporting every bad field. Media URLs and {@code updated_at} are ignored: URLs of another system
 * expire, and the time of change is this service's.
 */
final class RecordReader {

    /** A call's flow is a few dozen steps; a longer one is not a call's. */
    static final int MAX_FLOW_ENTRIES = 1_000;

    private final String defaultRegion;
    private final ClockSkew skew;
    private final boolean liveAllowed;

    RecordReader(String defaultRegion, ClockSkew skew) {
        this(defaultRegion, skew, false);
    }

    /** @param liveAllowed a record may still be going on (no {@code ended_at}): a mirrored Hipcall {@code call_init} */
    RecordReader(String defaultRegion, ClockSkew skew, boolean liveAllowed) {
        this.defaultRegion = defaultRegion;
        this.skew = skew;
        this.liveAllowed = liveAllowed;
    }

    ImportedRecord read(Object json, String prefix, FieldErrors errors) {
        if (!(json instanceof Map<?, ?> map)) {
            errors.add(prefix, "must be a JSON object");
            return null;
        }
        Fields f = new Fields(map, prefix, errors);
        UUID uuid = uuid(f, "uuid", true);
        Direction direction = f.enumValue("direction", Direction.class, true);
        String callerNumber = number(f, "caller_number");
        String calleeNumber = number(f, "callee_number");
        EndpointType callerType = f.enumValue("caller_type", EndpointType.class, true);
        EndpointType calleeType = f.enumValue("callee_type", EndpointType.class, true);
        Instant startedAt = f.instant("started_at", true);
        Instant answeredAt = f.instant("answered_at", false);
        Instant bridgedAt = f.instant("bridged_at", false);
        Instant endedAt = f.instant("ended_at", !liveAllowed);
        Boolean missingCall = f.bool("missing_call", false);
        Integer firstTouch = f.seconds("first_touch_duration", false);
        List<CallRecord.FlowEntry> flow = callFlow(f); // read in this order, the errors are listed in it
        CallRecord record = new CallRecord(uuid, direction, f.id("number_id", false),
                f.string("channel_type", false), f.id("channel_id", false), callerNumber, calleeNumber, callerType,
                f.id("caller_id", false), calleeType, f.id("callee_id", false), f.id("user_id", false),
                f.id("contact_id", false), f.id("company_id", false),
                f.enumValue("related_type", RelatedType.class, false), f.id("related_id", false),
                startedAt, answeredAt, bridgedAt, endedAt, f.instant("team_touch_at", false),
                firstTouch == null ? 0 : firstTouch, f.seconds("call_duration", false),
                missingCall, f.enumValue("missing_call_reason", MissingCallReason.class, false),
                f.enumValue("hangup_by", HangupBy.class, false),
                null, null, // another system's links expire; this service signs its own
                f.id("voicemail_id", false), f.enumValue("voicemail_type", VoicemailType.class, false),
                f.id("callback_user_id", false), f.seconds("callback_time", false),
                uuid(f, "callback_cdr_uuid", false),
                f.bool("credited", false),
                null, // the time of change is this service's
                CallFlow.of(flow));
        if (startedAt != null && endedAt != null && endedAt.isBefore(startedAt)) {
            f.error("ended_at", "is before started_at");
        } else if (endedAt != null && skew.problem(endedAt) != null) {
            f.error("ended_at", skew.problem(endedAt));
        }
        return f.failed() ? null : new ImportedRecord(record);
    }

    private String number(Fields f, String field) {
        String raw = f.string(field, true);
        if (raw == null) {
            return null;
        }
        return switch (PhoneNumbers.normalise(raw, defaultRegion)) {
            case PhoneNumbers.E164 e -> e.number();
            case PhoneNumbers.Extension e -> e.number();
            case PhoneNumbers.Malformed m -> {
                f.error(field, m.reason());
                yield null;
            }
        };
    }

    private static UUID uuid(Fields f, String field, boolean required) {
        String value = f.string(field, required);
        if (value == null) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            f.error(field, "is not a UUID");
            return null;
        }
    }

    /** {@code call_flow} as given (newest first), each entry checked for its shape. */
    private static List<CallRecord.FlowEntry> callFlow(Fields f) {
        Object value = f.raw("call_flow");
        List<CallRecord.FlowEntry> flow = new ArrayList<>();
        if (value == null) {
            return flow;
        }
        if (!(value instanceof List<?> entries)) {
            f.error("call_flow", "must be an array of {action, detail, timestamp}");
            return flow;
        }
        if (entries.size() > MAX_FLOW_ENTRIES) {
            f.error("call_flow", "has " + entries.size() + " entries; at most " + MAX_FLOW_ENTRIES + " are allowed");
            return flow;
        }
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i) instanceof Map<?, ?> entry
                    && entry.get("action") instanceof String action
                    && WireName.parse(CallAction.class, action).isPresent()
                    && (entry.get("detail") == null || entry.get("detail") instanceof Map)
                    && (entry.get("timestamp") instanceof Integer || entry.get("timestamp") instanceof Long)
                    && inYears(((Number) entry.get("timestamp")).longValue())) {
                @SuppressWarnings("unchecked")
                Map<String, Object> detail = entry.get("detail") == null ? Map.of() : (Map<String, Object>) entry.get("detail");
                String problem = textProblem(detail);
                if (problem != null) {
                    f.error("call_flow", "entry " + i + " has a detail that " + problem);
                    continue;
                }
                flow.add(new CallRecord.FlowEntry(WireName.parse(CallAction.class, action).orElseThrow(), detail,
                        ((Number) entry.get("timestamp")).longValue()));
            } else {
                f.error("call_flow", "entry " + i + " is not {\"action\": a known action, \"detail\": {...},"
                        + " \"timestamp\": unix seconds " + Times.YEARS + "}");
            }
        }
        return flow;
    }

    /** What is wrong with the longest or worst text anywhere inside an imported flow entry's detail, or null. */
    private static String textProblem(Object value) {
        return switch (value) {
            case String text -> {
                String problem = Text.problem(text, Fields.MAX_TEXT_LENGTH);
                yield problem == null ? null : "holds text that " + problem;
            }
            case Map<?, ?> map -> map.values().stream().map(RecordReader::textProblem)
                    .filter(Objects::nonNull).findFirst().orElse(null);
            case List<?> list -> list.stream().map(RecordReader::textProblem)
                    .filter(Objects::nonNull).findFirst().orElse(null);
            case null, default -> null;
        };
    }

    private static boolean inYears(long unixSeconds) {
        try {
            Times.within(Instant.ofEpochSecond(unixSeconds));
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }
}
