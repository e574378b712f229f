package io.callrecords.calls;

import io.callrecords.calls.EventDetail.Answer;
import io.callrecords.calls.EventDetail.Bridge;
import io.callrecords.calls.EventDetail.BridgeAttempt;
import io.callrecords.calls.EventDetail.BridgeFail;
import io.callrecords.calls.EventDetail.CallbackRequest;
import io.callrecords.calls.EventDetail.Hangup;
import io.callrecords.calls.EventDetail.Init;
import io.callrecords.calls.EventDetail.Party;
import io.callrecords.calls.EventDetail.Route;
import io.callrecords.calls.EventDetail.Voicemail;
import io.callrecords.shared.FieldErrors;
import io.callrecords.shared.PhoneNumbers;
import io.callrecords.shared.Times;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * Reads one call-flow event from its JSON form (call-records.md §2), reporting every bad field
 * under {@code <prefix>.<field>} instead of stopping at the first. Numbers are normalised with
 * the account's default region on the way in, so stored details are already canonical.
 */
final class EventReader {

    static final int MAX_ID_LENGTH = 200;

    private final String defaultRegion;
    /** Null for stored events: a time may be ahead only when it arrives. */
    private final ClockSkew skew;
    /** Stored details were normalised on the way in: reading them back need not parse their numbers again. */
    private final boolean numbersCanonical;

    EventReader(String defaultRegion, ClockSkew skew) {
        this(defaultRegion, skew, false);
    }

    private EventReader(String defaultRegion, ClockSkew skew, boolean numbersCanonical) {
        this.defaultRegion = defaultRegion;
        this.skew = skew;
        this.numbersCanonical = numbersCanonical;
    }

    /** Reads the details of stored events. */
    static EventReader ofStored() {
        return new EventReader(null, null, true);
    }

    /** The event, or null when anything is wrong (then {@code errors} says what). */
    CallEvent read(Object json, String prefix, FieldErrors errors) {
        if (!(json instanceof Map<?, ?> event)) {
            errors.add(prefix, "must be a JSON object");
            return null;
        }
        Fields fields = new Fields(event, prefix, errors);
        String id = fields.string("id", true);
        if (id != null && id.length() > MAX_ID_LENGTH) {
            errors.add(prefix + ".id", "is longer than " + MAX_ID_LENGTH + " characters");
        }
        UUID callUuid = uuid(fields.string("call_uuid", true), prefix + ".call_uuid", errors);
        Instant at = time(fields.string("at", true), prefix + ".at", errors);
        CallAction action = fields.enumValue("action", CallAction.class, true);
        Object detailJson = event.get("detail");
        if (detailJson != null && !(detailJson instanceof Map)) {
            errors.add(prefix + ".detail", "must be a JSON object");
        }
        Map<?, ?> detailMap = detailJson instanceof Map<?, ?> m ? m : Map.of();
        EventDetail detail = action == null ? null : detail(action, new Fields(detailMap, prefix + ".detail", errors));
        if (id == null || callUuid == null || at == null || detail == null || id.length() > MAX_ID_LENGTH) {
            return null;
        }
        return CallEvent.of(id, callUuid, at, detail, 0);
    }

    /** The typed detail of a stored event (it was valid when stored). */
    EventDetail storedDetail(CallAction action, Map<?, ?> detail) {
        FieldErrors errors = new FieldErrors();
        EventDetail read = detail(action, new Fields(detail, "detail", errors));
        errors.throwIfAny();
        return read;
    }

    private EventDetail detail(CallAction action, Fields d) {
        return switch (action) {
            case INIT -> init(d);
            case ROUTE -> endpoint(d, Route::new);
            case ANSWER -> endpoint(d, Answer::new);
            case BRIDGE_ATTEMPT -> {
                Long user = userOf(d);
                yield user == null ? null : new BridgeAttempt(user);
            }
            case BRIDGE -> {
                Long user = userOf(d);
                yield user == null ? null : new Bridge(user);
            }
            case BRIDGE_FAIL -> {
                Long user = userOf(d);
                String result = d.string("result", false);
                yield user == null || d.failed() ? null : new BridgeFail(user, result);
            }
            case CALLBACK_REQUEST -> {
                Long team = d.id("team_id", false);
                yield d.failed() ? null : new CallbackRequest(team);
            }
            case VOICEMAIL -> {
                VoicemailType type = d.enumValue("type", VoicemailType.class, true);
                Long id = d.id("id", true);
                yield type == null || id == null ? null : new Voicemail(type, id);
            }
            case HANGUP -> {
                HangupBy by = d.enumValue("hangup_by", HangupBy.class, true);
                yield by == null ? null : new Hangup(by);
            }
        };
    }

    /** Route and answer: the endpoint's type, required, and its id, optional. */
    private static EventDetail endpoint(Fields d, BiFunction<EndpointType, Long, EventDetail> detail) {
        EndpointType type = d.enumValue("type", EndpointType.class, true);
        Long id = d.id("id", false);
        return type == null || d.failed() ? null : detail.apply(type, id);
    }

    private static Long userOf(Fields d) {
        String type = d.string("type", true);
        if (type != null && !type.equals("user")) {
            d.error("type", "must be user");
        }
        Long id = d.id("id", true);
        return type == null || !type.equals("user") ? null : id;
    }

    private EventDetail init(Fields d) {
        Party caller = party(d.object("caller", true), true);
        Party callee = party(d.object("callee", true), false);
        Direction direction = d.enumValue("direction", Direction.class, false);
        Long numberId = d.id("number_id", false);
        String channelType = d.string("channel_type", false);
        Long channelId = d.id("channel_id", false);
        Long contactId = d.id("contact_id", false);
        if (caller == null || callee == null || d.failed()) {
            return null;
        }
        return new Init(caller, callee, direction, numberId, channelType, channelId, contactId);
    }

    private Party party(Fields p, boolean caller) {
        if (p == null) {
            return null;
        }
        String raw = p.string("number", true);
        EndpointType type = p.enumValue("type", EndpointType.class, true);
        Long id = p.id("id", false);
        if (caller && type != null && type != EndpointType.USER && type != EndpointType.CONTACT) {
            p.error("type", "a caller is a user or a contact");
            return null;
        }
        String number = raw == null || numbersCanonical ? raw : switch (PhoneNumbers.normalise(raw, defaultRegion)) {
            case PhoneNumbers.E164 e -> e.number();
            case PhoneNumbers.Extension e -> e.number();
            case PhoneNumbers.Malformed m -> {
                p.error("number", m.reason());
                yield null;
            }
        };
        return number == null || type == null ? null : new Party(number, type, id);
    }

    private static UUID uuid(String value, String field, FieldErrors errors) {
        if (value == null) {
            return null;
        }
        try {
            UUID uuid = UUID.fromString(value);
            if (uuid.toString().equalsIgnoreCase(value)) {
                return uuid;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        errors.add(field, "is not a UUID");
        return null;
    }

    private Instant time(String value, String field, FieldErrors errors) {
        if (value == null) {
            return null;
        }
        try {
            Instant at = Times.parseWithOffset(value);
            String ahead = skew == null ? null : skew.problem(at);
            if (ahead != null) {
                errors.add(field, ahead);
                return null;
            }
            return at;
        } catch (DateTimeException e) {
            errors.add(field, "is not an ISO-8601 time with offset " + Times.YEARS + " (2026-03-26T12:31:32.250+03:00)");
            return null;
        }
    }
}
