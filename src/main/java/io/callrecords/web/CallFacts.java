package io.callrecords.web;

import io.callrecords.calls.CallRecord;
import io.callrecords.calls.Direction;
import io.callrecords.calls.RecordEntries;
import io.callrecords.people.EntryKind;
import io.callrecords.people.EntryNames;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/** Every field of a call record (call-records.md §1) in words, grouped as a person reads them (public for the templates). */
public final class CallFacts {

    /** A labelled value. */
    public record Fact(String label, String value) {}

    /** A group of facts under a heading. */
    public record Group(String heading, List<Fact> facts) {}

    private static final String NONE = "—";

    private CallFacts() {}

    static List<Group> of(CallRecord r, ZoneId zone, EntryNames names) {
        return List.of(
                new Group("Who", List.of(
                        new Fact("Direction", Words.direction(Words.wire(r.direction()))),
                        new Fact("Caller", r.callerNumber() + ", "
                                + DetailWords.endpoint(Words.wire(r.callerType()), r.callerId(), names)),
                        new Fact("Called number", String.valueOf(r.calleeNumber())),
                        new Fact("First sent to", DetailWords.endpoint(Words.wire(r.calleeType()), r.calleeId(), names)),
                        new Fact("User", r.userId() == null ? "no user" : DetailWords.user(r.userId(), names)),
                        new Fact("Account number", r.numberId() == null ? NONE
                                : named(names, EntryKind.NUMBER, r.numberId(), "number " + r.numberId())),
                        new Fact("Channel", channel(r, names)))),
                new Group("When", List.of(
                        new Fact("Started", time(r.startedAt(), zone, NONE)),
                        new Fact("Picked up (by an IVR, a voicemail or a user)", time(r.answeredAt(), zone, "—")),
                        new Fact("In conversation with a user", time(r.bridgedAt(), zone, "never")),
                        new Fact("Reached a team", time(r.teamTouchAt(), zone, "never")),
                        new Fact("Ended", time(r.endedAt(), zone, "not yet")),
                        new Fact("Waiting time (until a user answered)", firstTouch(r)),
                        new Fact("Duration", r.callDuration() == null ? "the call has not ended"
                                : Words.seconds(r.callDuration())),
                        new Fact("Record last changed", time(r.updatedAt(), zone, NONE)))),
                new Group("Outcome", List.of(
                        new Fact("Missed", missed(r)),
                        new Fact("Hung up by", DetailWords.hangupBy(Words.wire(r.hangupBy()))),
                        new Fact("Voicemail", DetailWords.voicemailBox(Words.wire(r.voicemailType()), r.voicemailId(), names)))),
                new Group("Address book", List.of(
                        new Fact("Contact", r.contactId() == null ? "not in the address book" : "contact " + r.contactId()),
                        new Fact("Company", r.companyId() == null ? NONE : "company " + r.companyId()),
                        new Fact("Related to", r.relatedType() == null ? NONE
                                : r.relatedType().wire() + " " + r.relatedId()))));
    }

    private static String channel(CallRecord r, EntryNames names) {
        String type = r.channelType();
        Long id = r.channelId();
        if (type == null && id == null) {
            return NONE;
        }
        String label = RecordEntries.channelName(r, names);
        if (label != null) {
            return label;
        }
        return (type == null ? "channel" : type.replace('_', ' ')) + (id == null ? "" : " " + id);
    }

    /** The entry's label, or the words of today when the directory does not know it. */
    private static String named(EntryNames names, EntryKind kind, Long id, String otherwise) {
        String label = names.label(kind, id);
        return label == null ? otherwise : label;
    }

    private static String time(Instant time, ZoneId zone, String absent) {
        String local = CallRow.local(time, zone);
        return local.isEmpty() ? absent : local;
    }

    /**
     * Zero means both "at once" and "never" on the wire: a conversation, a later first touch, or a user kept on an
     * inbound call (the connected one, call-records.md §3.4) says it was at once.
     */
    private static String firstTouch(CallRecord r) {
        int seconds = r.firstTouchDuration();
        boolean connected = seconds > 0 || r.bridgedAt() != null
                || (r.userId() != null && r.direction() != Direction.OUTBOUND);
        return connected ? DetailWords.span(seconds) : "no user answered";
    }

    private static String missed(CallRecord r) {
        if (r.missingCall() == null) {
            return "not known until the call ends";
        }
        return r.missed() ? "yes: " + Words.reason(Words.wire(r.missingCallReason())) : "no";
    }
}
