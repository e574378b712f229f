package io.callrecords.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import io.callrecords.calls.CallRecord;
import io.callrecords.calls.Direction;
import io.callrecords.calls.RecordEntries;
import io.callrecords.people.EntryKind;
import io.callrecords.people.EntryNames;

/**
 * A record as one line of the call log, in people's words and the account's time zone, naming what the account's
 * directory knows.
 *
 * @param callerName the calling user's name; empty for a contact or a user the directory does not know
 * @param calleeName the name of where the call was first sent (a team, a user, an IVR); empty when not known
 * @param line       the account number the call came in or went out on: its name, "Number 2", or empty for none
 * @param user       the user's name, "User 7" when the directory does not know them, or empty for none
 * @param returned   for a missed call: "Not returned", "Returned" or "Returned by" the callback user's name
 */
public record CallRow(String uuid, String started, String direction, String caller, String callerName,
                      String callee, String calleeName, String line, String user, String duration, String outcome,
                      boolean missed, String returned) {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** The line of a record; {@code names} holds the names of the page's records ({@link CallNames#wanted}). */
    static CallRow of(CallRecord r, ZoneId zone, EntryNames names) {
        boolean missed = r.missed();
        String outcome = r.endedAt() == null ? "In progress"
                : missed ? "Missed: " + Words.reason(Words.wire(r.missingCallReason()))
                : r.direction() == Direction.INBOUND ? "Answered" : "Ended";
        String callbackUser = names.label(EntryKind.USER, r.callbackUserId());
        String returned = !missed ? "" : r.callbackCdrUuid() == null ? "Not returned"
                : callbackUser == null ? "Returned" : "Returned by " + callbackUser;
        String user = r.userId() == null ? "" : or(names.label(EntryKind.USER, r.userId()), "User " + r.userId());
        String line = r.numberId() == null ? "" : or(names.label(EntryKind.NUMBER, r.numberId()), "Number " + r.numberId());
        return new CallRow(r.uuid().toString(), local(r.startedAt(), zone), Words.direction(Words.wire(r.direction())),
                r.callerNumber(), or(RecordEntries.callerName(r, names), ""), r.calleeNumber(),
                or(RecordEntries.calleeName(r, names), ""), line, user,
                Words.seconds(r.callDuration()), outcome, missed, returned);
    }

    private static String or(String label, String otherwise) {
        return label == null ? otherwise : label;
    }

    /** A time in the zone, to the second; empty for none. */
    static String local(Instant time, ZoneId zone) {
        return time == null ? "" : TIME.format(time.atZone(zone));
    }

    /** A wire time ("...Z") in the zone, to the second; empty for none. */
    static String local(String wireTime, ZoneId zone) {
        return wireTime == null ? "" : TIME.format(Instant.parse(wireTime).atZone(zone));
    }
}
