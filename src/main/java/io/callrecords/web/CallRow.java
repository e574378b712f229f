package io.callrecords.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/** A record as one line of the call log, in people's words and the account's time zone. */
public record CallRow(String uuid, String started, String direction, String caller, String callee, String user,
               String duration, String outcome, boolean missed, String returned) {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    static CallRow of(Map<String, Object> r, ZoneId zone) {
        boolean missed = Boolean.TRUE.equals(r.get("missing_call"));
        String outcome = r.get("ended_at") == null ? "In progress"
                : missed ? "Missed: " + Words.reason((String) r.get("missing_call_reason"))
                : "inbound".equals(r.get("direction")) ? "Answered" : "Ended";
        String returned = !missed ? "" : r.get("callback_cdr_uuid") != null ? "Returned" : "Not returned";
        return new CallRow((String) r.get("uuid"), local((String) r.get("started_at"), zone),
                Words.direction((String) r.get("direction")), (String) r.get("caller_number"),
                (String) r.get("callee_number"), r.get("user_id") == null ? "" : "User " + r.get("user_id"),
                Words.seconds(r.get("call_duration")), outcome, missed, returned);
    }

    /** A wire time ("...Z") in the zone, to the second; empty for none. */
    static String local(String wireTime, ZoneId zone) {
        return wireTime == null ? "" : TIME.format(Instant.parse(wireTime).atZone(zone));
    }
}
