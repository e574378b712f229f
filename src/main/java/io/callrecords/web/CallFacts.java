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
    private static final String NOT_YET = "not yet (the call is in progress)";

    private CallFacts() {}

    static List<Group> of(CallRecord r, ZoneId zone, EntryNames names) {
        return of(r, zone, names, AddressBookWords.NONE);
    }

    /** The same, naming the contact and company from the account's address book ({@code book}). */
    static List<Group> of(CallRecord r, ZoneId zone, EntryNames names, AddressBookWords book) {
        boolean live = r.endedAt() == null;
        return List.of(
                new Group("Who", List.of(
                        new Fact("Direction", Words.direction(Words.wire(r.direction()))),
                        new Fact("Caller", r.callerNumber() + ", "
                                + DetailWords.endpoint(Words.wire(r.callerType()), r.callerId(), names, book)),
                        new Fact("Called number", String.valueOf(r.calleeNumber())),
                        new Fact("First sent to", DetailWords.endpoint(Words.wire(r.calleeType()), r.calleeId(), names, book)),
                        new Fact("User", r.userId() == null ? "no user" : DetailWords.user(r.userId(), names)),
                        new Fact("Account number", r.numberId() == null ? NONE
                                : named(names, EntryKind.NUMBER, r.numberId(), "number " + r.numberId())),
                        new Fact("Channel", channel(r, names)))),
                new Group("When", List.of(
                        new Fact("Started", time(r.startedAt(), zone, NONE)),
                        new Fact("Picked up (by an IVR, a voicemail or a user)", pickedUp(r, zone, live)),
                        new Fact("In conversation with a user", time(r.bridgedAt(), zone, live ? NOT_YET : "never")),
                        new Fact("Reached a team", time(r.teamTouchAt(), zone, live ? NOT_YET : "never")),
                        new Fact("Ended", time(r.endedAt(), zone, "not yet")),
                        new Fact("Waiting time (until a user answered)", firstTouch(r)),
                        new Fact("Duration", r.callDuration() == null ? "the call has not ended"
                                : Words.seconds(r.callDuration())),
                        new Fact("Record last changed", time(r.updatedAt(), zone, NONE)))),
                new Group("Outcome", List.of(
                        new Fact("Missed", live ? "not decided yet: the call is in progress" : missed(r)),
                        new Fact("Hung up by", DetailWords.hangupBy(Words.wire(r.hangupBy()))),
                        new Fact("Voicemail", DetailWords.voicemailBox(Words.wire(r.voicemailType()), r.voicemailId(), names)))),
                new Group("Address book", List.of(
                        new Fact("Contact", book.contact() != null ? book.contact()
                                : r.companyId() == null ? "not in the address book" : "none (a number of the company)"),
                        new Fact("Company", book.company() == null ? NONE : book.company()),
                        new Fact("Related to", related(r, book)))));
    }

    /** The related contact or company (the one the match was made by), by name when the address book has it. */
    private static String related(CallRecord r, AddressBookWords book) {
        if (r.relatedType() == null) {
            return NONE;
        }
        String wire = r.relatedType().wire();
        if ("contact".equals(wire) && r.relatedId() != null && r.relatedId().equals(r.contactId())) {
            return "the contact " + book.contact();
        }
        if ("company".equals(wire) && r.relatedId() != null && r.relatedId().equals(r.companyId())) {
            return "the company " + book.company();
        }
        return wire + " " + r.relatedId();
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
        return r.missed() ? "yes: " + DetailWords.missedReason(r) : "no";
    }

    /**
     * answered_at is the first {@code answer} event (call-records.md §3.2), or for a platform that sends none the
     * first moment one is implied: a user who took the call by a {@code bridge} alone picked it up then. A record
     * imported without answered_at may still have bridged_at: then that is when the call was picked up.
     */
    private static String pickedUp(CallRecord r, ZoneId zone, boolean live) {
        if (r.answeredAt() != null) {
            return time(r.answeredAt(), zone, NONE) + (r.answeredAt().equals(r.bridgedAt()) ? " (by a user)" : "");
        }
        if (r.bridgedAt() != null) {
            return time(r.bridgedAt(), zone, NONE) + " (by a user)";
        }
        return live ? NOT_YET : "never";
    }
}
