package io.callrecords.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import io.callrecords.calls.CallRecord;
import io.callrecords.calls.Direction;

/** A record as one line of the call log, in people's words and the account's time zone. */
public record CallRow(String uuid, String started, String direction, String caller, String callee, String user,
               String duration, String outcome, boolean missed, String returned) {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    static CallRow of(CallRecord r, ZoneId zone) {
        boolean missed = r.missed();
        String outcome = r.endedAt() == null ? "In progress"
                : missed ? "Missed: " + Words.reason(Words.wire(r.missingCallReason()))
                : r.direction() == Direction.INBOUND ? "Answered" : "Ended";
        String returned = !missed ? "" : r.callbackCdrUuid() != null ? "Returned" : "Not returned";
        return new CallRow(r.uuid().toString(), local(r.startedAt(), zone), Words.direction(Words.wire(r.direction())),
                r.callerNumber(), r.calleeNumber(), r.userId() == null ? "" : "User " + r.userId(),
                Words.seconds(r.callDuration()), outcome, missed, returned);
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
