package io.callrecords.web;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/** Every field of a call record (call-records.md §1) in words, grouped as a person reads them (public for the templates). */
public final class CallFacts {

    /** A labelled value. */
    public record Fact(String label, String value) {}

    /** A group of facts under a heading. */
    public record Group(String heading, List<Fact> facts) {}

    private static final String NONE = "—";

    private CallFacts() {}

    static List<Group> of(Map<String, Object> r, ZoneId zone) {
        return List.of(
                new Group("Who", List.of(
                        new Fact("Direction", Words.direction((String) r.get("direction"))),
                        new Fact("Caller", r.get("caller_number") + ", " + DetailWords.endpoint(r.get("caller_type"), r.get("caller_id"))),
                        new Fact("Called number", String.valueOf(r.get("callee_number"))),
                        new Fact("First sent to", DetailWords.endpoint(r.get("callee_type"), r.get("callee_id"))),
                        new Fact("User", r.get("user_id") == null ? "no user" : "user " + r.get("user_id")),
                        new Fact("Account number", r.get("number_id") == null ? NONE : "number " + r.get("number_id")),
                        new Fact("Channel", channel(r)))),
                new Group("When", List.of(
                        new Fact("Started", time(r, "started_at", zone, NONE)),
                        new Fact("Picked up (by an IVR, a voicemail or a user)", time(r, "answered_at", zone, "—")),
                        new Fact("In conversation with a user", time(r, "bridged_at", zone, "never")),
                        new Fact("Reached a team", time(r, "team_touch_at", zone, "never")),
                        new Fact("Ended", time(r, "ended_at", zone, "not yet")),
                        new Fact("Waiting time (until a user answered)", firstTouch(r)),
                        new Fact("Duration", r.get("call_duration") == null ? "the call has not ended"
                                : Words.seconds(r.get("call_duration"))),
                        new Fact("Record last changed", time(r, "updated_at", zone, NONE)))),
                new Group("Outcome", List.of(
                        new Fact("Missed", missed(r)),
                        new Fact("Hung up by", DetailWords.hangupBy(r.get("hangup_by"))),
                        new Fact("Voicemail", DetailWords.voicemailBox(r.get("voicemail_type"), r.get("voicemail_id"))))),
                new Group("Address book", List.of(
                        new Fact("Contact", r.get("contact_id") == null ? "not in the address book" : "contact " + r.get("contact_id")),
                        new Fact("Company", r.get("company_id") == null ? NONE : "company " + r.get("company_id")),
                        new Fact("Related to", r.get("related_type") == null ? NONE
                                : r.get("related_type") + " " + r.get("related_id")))));
    }

    private static String channel(Map<String, Object> r) {
        Object type = r.get("channel_type");
        Object id = r.get("channel_id");
        if (type == null && id == null) {
            return NONE;
        }
        return (type == null ? "channel" : type.toString().replace('_', ' ')) + (id == null ? "" : " " + id);
    }

    private static String time(Map<String, Object> r, String field, ZoneId zone, String absent) {
        String local = CallRow.local((String) r.get(field), zone);
        return local.isEmpty() ? absent : local;
    }

    /**
     * Zero means both "at once" and "never" on the wire: a conversation, a later first touch, or a user kept on an
     * inbound call (the connected one, call-records.md §3.4) says it was at once.
     */
    private static String firstTouch(Map<String, Object> r) {
        Object seconds = r.get("first_touch_duration");
        boolean later = seconds instanceof Number n && n.longValue() > 0;
        boolean connected = later || r.get("bridged_at") != null
                || (r.get("user_id") != null && !"outbound".equals(r.get("direction")));
        return connected ? DetailWords.span(seconds) : "no user answered";
    }

    private static String missed(Map<String, Object> r) {
        Object missing = r.get("missing_call");
        if (missing == null) {
            return "not known until the call ends";
        }
        return Boolean.TRUE.equals(missing) ? "yes: " + Words.reason((String) r.get("missing_call_reason")) : "no";
    }
}
