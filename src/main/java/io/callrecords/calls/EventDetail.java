package io.callrecords.calls;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code detail} of a call-flow event, one record per action (call-records.md §2). Values are already
 * validated and normalised by intake (numbers in E.164 or as extensions), so the derivation can trust them.
 * {@link #wire()} gives the detail back in its JSON shape for {@code call_flow}, leaving out absent optional keys
 * so that it reads like what the platform sent.
 */
public sealed interface EventDetail {

    CallAction action();

    /** The detail as the platform sent it (normalised), which is also how the event is stored. */
    Map<String, Object> wire();

    /**
     * The detail as a {@code call_flow} entry has it: Hipcall's entry form (call-records.md §1), {@code {"id", "type"}}
     * with {@code "id": null} when there is none, {@code {"hangup_by"}} for a hangup. What the event says beyond that
     * (init's parties, number and channel, a callback request's team) is in the record's own fields or in the stored
     * event, not in the entry.
     */
    Map<String, Object> flowEntry();

    /** One side of a call as {@code init} describes it. */
    record Party(String number, EndpointType type, Long id) {
        public Party {
            Objects.requireNonNull(number, "number");
            Objects.requireNonNull(type, "type");
        }

        Map<String, Object> wire() {
            return new WireMap().put("number", number).put("type", type).put("id", id).build();
        }
    }

    /** The call starts. {@code direction} is null when the platform leaves it to §3.1. */
    record Init(Party caller, Party callee, Direction direction, Long numberId, String channelType, Long channelId,
                Long contactId) implements EventDetail {
        public Init {
            Objects.requireNonNull(caller, "caller");
            Objects.requireNonNull(callee, "callee");
        }

        @Override
        public CallAction action() {
            return CallAction.INIT;
        }

        @Override
        public Map<String, Object> wire() {
            return new WireMap().put("caller", caller.wire()).put("callee", callee.wire()).put("direction", direction)
                    .put("number_id", numberId).put("channel_type", channelType).put("channel_id", channelId)
                    .put("contact_id", contactId).build();
        }

        /** Where the call was first sent, as Hipcall's {@code init} entry names it; the parties are the record's fields. */
        @Override
        public Map<String, Object> flowEntry() {
            return endpointEntry(callee.id(), callee.type());
        }
    }

    /** The call is sent to an endpoint (IVR, team, user, voicemail, hangup …). */
    record Route(EndpointType type, Long id) implements EventDetail {
        public Route {
            Objects.requireNonNull(type, "type");
        }

        @Override
        public CallAction action() {
            return CallAction.ROUTE;
        }

        @Override
        public Map<String, Object> wire() {
            return new WireMap().put("type", type).put("id", id).build();
        }

        @Override
        public Map<String, Object> flowEntry() {
            return endpointEntry(id, type);
        }
    }

    /** An endpoint picked the call up: IVR, voicemail, a user, or the contact on an outbound call. */
    record Answer(EndpointType type, Long id) implements EventDetail {
        public Answer {
            Objects.requireNonNull(type, "type");
        }

        @Override
        public CallAction action() {
            return CallAction.ANSWER;
        }

        @Override
        public Map<String, Object> wire() {
            return new WireMap().put("type", type).put("id", id).build();
        }

        @Override
        public Map<String, Object> flowEntry() {
            return endpointEntry(id, type);
        }
    }

    /** A user's phone rings. */
    record BridgeAttempt(long userId) implements EventDetail {
        @Override
        public CallAction action() {
            return CallAction.BRIDGE_ATTEMPT;
        }

        @Override
        public Map<String, Object> wire() {
            return userWire(userId, null);
        }

        @Override
        public Map<String, Object> flowEntry() {
            return endpointEntry(userId, EndpointType.USER);
        }
    }

    /** The caller is in conversation with a user. */
    record Bridge(long userId) implements EventDetail {
        @Override
        public CallAction action() {
            return CallAction.BRIDGE;
        }

        @Override
        public Map<String, Object> wire() {
            return userWire(userId, null);
        }

        @Override
        public Map<String, Object> flowEntry() {
            return endpointEntry(userId, EndpointType.USER);
        }
    }

    /** A user's phone stopped ringing without a conversation; {@code result} (optional) says why. */
    record BridgeFail(long userId, String result) implements EventDetail {
        @Override
        public CallAction action() {
            return CallAction.BRIDGE_FAIL;
        }

        @Override
        public Map<String, Object> wire() {
            return userWire(userId, result);
        }

        /** Hipcall's {@code {"id", "type", "result"}}, the result a number when it is a cause code ({@code 17}). */
        @Override
        public Map<String, Object> flowEntry() {
            Map<String, Object> entry = new LinkedHashMap<>(endpointEntry(userId, EndpointType.USER));
            entry.put("result", result != null && result.matches("\\d{1,9}") ? (Object) Integer.valueOf(result) : result);
            return Collections.unmodifiableMap(entry);
        }
    }

    /** The caller, waiting in a queue, asked to be called back. */
    record CallbackRequest(Long teamId) implements EventDetail {
        @Override
        public CallAction action() {
            return CallAction.CALLBACK_REQUEST;
        }

        @Override
        public Map<String, Object> wire() {
            return new WireMap().put("team_id", teamId).build();
        }

        /** In Hipcall's entry form: the queue (a team) the caller waited in. */
        @Override
        public Map<String, Object> flowEntry() {
            return endpointEntry(teamId, EndpointType.TEAM);
        }
    }

    /** The caller reached a voicemail box. */
    record Voicemail(VoicemailType type, long id) implements EventDetail {
        public Voicemail {
            Objects.requireNonNull(type, "type");
        }

        @Override
        public CallAction action() {
            return CallAction.VOICEMAIL;
        }

        @Override
        public Map<String, Object> wire() {
            return new WireMap().put("type", type).put("id", id).build();
        }

        @Override
        public Map<String, Object> flowEntry() {
            return endpointEntry(id, type);
        }
    }

    /** The call ended. */
    record Hangup(HangupBy hangupBy) implements EventDetail {
        public Hangup {
            Objects.requireNonNull(hangupBy, "hangupBy");
        }

        @Override
        public CallAction action() {
            return CallAction.HANGUP;
        }

        @Override
        public Map<String, Object> wire() {
            return new WireMap().put("hangup_by", hangupBy).build();
        }

        @Override
        public Map<String, Object> flowEntry() {
            return wire();
        }
    }

    /** {@code {"id", "type"}}, id first and kept when null, as Hipcall writes its entries. */
    private static Map<String, Object> endpointEntry(Long id, WireName type) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("id", id);
        entry.put("type", type == null ? null : type.wire());
        return Collections.unmodifiableMap(entry);
    }

    private static Map<String, Object> userWire(long userId, String result) {
        return new WireMap().put("type", EndpointType.USER).put("id", userId).put("result", result).build();
    }
}
