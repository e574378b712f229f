package io.callrecords.web;

import io.callrecords.people.EntryNames;
import io.callrecords.reports.WorklistLineView;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A line of the missed-call worklist (one caller number) in people's words and the account's time zone.
 *
 * @param name        the contact and/or company of the caller; empty when the address book does not know them
 * @param reasons     why the calls were missed, each with its count
 * @param calledBack  whether the missed calls were returned: No, Yes (when), or how many of them
 * @param dismissal   the active dismissal in words; empty when there is none
 * @param dismissable whether the line can be dismissed: it still waits for a callback
 * <p>Public, as the view models of the pages are, for the templates to read.
 */
public record MissedCallLine(String number, String tel, String name, long missedCalls, String firstMissed,
                             String lastMissed, List<String> reasons, String calledBack, String status, String dismissal,
                             boolean dismissable, boolean dismissed) {

    /** The dismissal reasons of the API, in words, in the order the form offers them. */
    static final Map<String, String> DISMISSAL_REASONS = orderedReasons();
    /** The reasons a worklist call can have been missed for (denylisted callers are not in it), for the filter. */
    static final Map<String, String> MISSED_REASONS = missedReasons();

    /** To the minute: who waits for a callback is told in minutes, and the line stays narrow enough for a form. */
    static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** A line of the worklist; {@code people} names whoever dismissed it (a person, not a key). */
    static MissedCallLine of(WorklistLineView line, ZoneId zone, EntryNames people) {
        String number = line.number();
        long missed = line.missedCalls();
        long returned = line.returned();
        List<String> reasons = new ArrayList<>();
        line.reasons().forEach((reason, calls) -> reasons.add(Words.reason(reason) + " (" + calls + ")"));
        String calledBack = returned == 0 ? "No"
                : returned == missed ? "Yes, " + local(line.lastCallbackAt(), zone)
                : returned + " of " + missed;
        String status = line.status();
        WorklistLineView.Dismissal dismissal = line.dismissal();
        return new MissedCallLine(number, "tel:" + number, name(line), missed,
                local(line.firstMissedAt(), zone), local(line.lastMissedAt(), zone), reasons, calledBack,
                status(status), dismissal == null ? "" : dismissal(dismissal, zone, people), status.equals("unreturned"),
                dismissal != null);
    }

    /** A wire time ("...Z") in the zone; empty for none. */
    private static String local(String wireTime, ZoneId zone) {
        return wireTime == null ? "" : MINUTE.format(Instant.parse(wireTime).atZone(zone));
    }

    private static String name(WorklistLineView line) {
        List<String> names = new ArrayList<>();
        for (String name : Arrays.asList(line.contactName(), line.companyName())) {
            if (name != null && !name.isBlank()) {
                names.add(name);
            }
        }
        return String.join(" · ", names);
    }

    private static String status(String wire) {
        return switch (wire) {
            case "unreturned" -> "Waiting for a callback";
            case "returned" -> "Returned";
            case "dismissed" -> "Dismissed";
            default -> wire;
        };
    }

    /** "Spam, 2026-03-02 10:15 by Ayşe Yılmaz: note", or "by API key 7" when a key of the account dismissed it. */
    private static String dismissal(WorklistLineView.Dismissal dismissal, ZoneId zone, EntryNames people) {
        String wire = dismissal.reason();
        String reason = Character.toUpperCase(wire.charAt(0)) + wire.substring(1).replace('_', ' ');
        String text = reason + ", " + local(dismissal.dismissedAt(), zone) + " by "
                + Actors.of(dismissal.dismissedByKeyId(), dismissal.dismissedByUserId(), people);
        return dismissal.note() != null ? text + ": " + dismissal.note() : text;
    }

    private static Map<String, String> missedReasons() {
        Map<String, String> reasons = new LinkedHashMap<>();
        for (String wire : List.of("abandoned", "short_abandoned", "callback", "out_of_business_hours")) {
            String words = Words.reason(wire);
            reasons.put(wire, Character.toUpperCase(words.charAt(0)) + words.substring(1));
        }
        return Collections.unmodifiableMap(reasons);
    }

    private static Map<String, String> orderedReasons() {
        Map<String, String> reasons = new LinkedHashMap<>();
        reasons.put("spam", "Spam");
        reasons.put("resolved_elsewhere", "Resolved elsewhere");
        reasons.put("other", "Other (needs a note)");
        return Collections.unmodifiableMap(reasons);
    }
}
