package io.callrecords.web;

import io.callrecords.people.EntryKind;
import io.callrecords.people.EntryNames;
import java.util.Map;

/**
 * The codes the call detail shows beyond the call log's ({@link Words}): endpoints and parties, who hung up, the
 * voicemail box, the call-flow events, and spans of time long enough to need hours and days (a callback). An entry
 * the account's directory knows is called by its name ("Ayşe Yılmaz", "Support queue"); any other as before ("user
 * 7", "team 3").
 */
final class DetailWords {

    private DetailWords() {}

    /** An endpoint or party by its name when the directory knows it, else by type and id ({@link #endpoint}). */
    static String endpoint(Object type, Object id, EntryNames names) {
        String label = CallNames.label(names, type, id);
        return label != null ? label : endpoint(type, id);
    }

    /**
     * The same, a contact as the record's address book names it: the flow's contact party has no id (the record's
     * match is made later, call-records.md §3.9), so without one it is the record's contact party.
     */
    static String endpoint(Object type, Object id, EntryNames names, AddressBookWords book) {
        if (!"contact".equals(type)) {
            return endpoint(type, id, names);
        }
        Long contact = CallNames.id(id);
        if (contact == null) {
            return book.party();
        }
        return contact.equals(book.contactId()) ? book.contact() : endpoint(type, id);
    }

    /** A user by name, else "user 7". */
    static String user(Object id, EntryNames names) {
        return endpoint("user", id, names);
    }

    /** An endpoint or party by type and id: "team 3", "user 7", "a contact not in the address book". */
    static String endpoint(Object type, Object id) {
        String name = switch (type == null ? "" : type.toString()) {
            case "user" -> "user";
            case "contact" -> "contact";
            case "team" -> "team";
            case "greeting" -> "greeting";
            case "voicemail" -> "voicemail";
            case "smart_ivr" -> "smart IVR";
            case "speed_dial" -> "speed dial";
            case "external_manager" -> "external manager";
            case "hangup" -> "hang-up (the call is ended)";
            case "" -> "unknown endpoint";
            default -> type.toString().replace('_', ' ');
        };
        if (id != null) {
            return name + " " + id;
        }
        return "contact".equals(type) ? "a contact not in the address book" : name;
    }

    /**
     * Why a missed call was missed. A caller who reached a voicemail box did not hang up while waiting: the record
     * says {@code abandoned} or {@code short_abandoned} (no user answered, call-records.md §3.7) and names the box
     * (§3.8); the other reasons are true as they are.
     */
    static String missedReason(io.callrecords.calls.CallRecord r) {
        String reason = Words.wire(r.missingCallReason());
        boolean abandoned = "abandoned".equals(reason) || "short_abandoned".equals(reason);
        if (abandoned && r.voicemailType() != null) {
            return r.voicemailUrl() != null ? "no user answered; the caller left a voicemail"
                    : "no user answered; the caller reached a voicemail box";
        }
        return Words.reason(reason);
    }

    static String hangupBy(Object wire) {
        return switch (wire == null ? "" : wire.toString()) {
            case "user" -> "the user";
            case "contact" -> "the contact";
            case "system" -> "the system";
            case "" -> "not yet (the call has not ended)";
            default -> wire.toString();
        };
    }

    /**
     * The voicemail box by its name when the directory knows it: {@code voicemail_id} is the box's id, also for a
     * user's box (not the user's id).
     */
    static String voicemailBox(Object type, Object id, EntryNames names) {
        String label = names.label(EntryKind.VOICEMAIL_BOX, CallNames.id(id));
        return label != null && type != null ? "the voicemail box " + label : voicemailBox(type, id);
    }

    static String voicemailBox(Object type, Object id) {
        return switch (type == null ? "" : type.toString()) {
            case "user" -> "the voicemail box of user " + id;
            case "account" -> "the account's voicemail box " + id;
            case "" -> "none";
            default -> type + " voicemail box " + id;
        };
    }

    /** A call-flow event in words, from its action and detail (call-records.md §2). */
    static String event(String action, Map<?, ?> detail) {
        return event(action, detail, EntryNames.NONE);
    }

    /** The same, naming what the directory knows. */
    static String event(String action, Map<?, ?> detail, EntryNames names) {
        return event(action, detail, names, AddressBookWords.NONE);
    }

    /** The same, naming the contact party from the record's address-book match ({@code book}). */
    static String event(String action, Map<?, ?> detail, EntryNames names, AddressBookWords book) {
        return switch (action == null ? "" : action) {
            // Hipcall's init entry names only where the call was first sent; older records name both parties
            case "init" -> detail.containsKey("caller") || detail.containsKey("callee")
                    ? "Call started: " + party(detail.get("caller"), names, book) + " called "
                            + party(detail.get("callee"), names, book)
                    : "Call started: first sent to " + endpoint(detail.get("type"), detail.get("id"), names, book);
            case "route" -> "Sent to " + endpoint(detail.get("type"), detail.get("id"), names, book);
            case "answer" -> "Answered by " + endpoint(detail.get("type"), detail.get("id"), names, book);
            case "bridge_attempt" -> "Ringing " + user(detail.get("id"), names);
            case "bridge" -> "In conversation with " + user(detail.get("id"), names);
            case "bridge_fail" -> "No conversation with " + user(detail.get("id"), names)
                    + (detail.get("result") == null ? "" : " (" + detail.get("result") + ")");
            case "callback_request" -> "The caller asked to be called back"
                    + (teamOf(detail) == null ? "" : " (" + endpoint("team", teamOf(detail), names) + ")");
            case "voicemail" -> "Reached " + voicemailBox(detail.get("type"), detail.get("id"), names);
            case "hangup" -> "Hung up by " + hangupBy(detail.get("hangup_by"));
            default -> action.replace('_', ' ');
        };
    }

    /** A span of seconds for people: "45 s", "9 min 49 s", "10 min", "2 h 5 min", "3 d 4 h" (no zero last part). */
    static String span(Object value) {
        if (!(value instanceof Number n)) {
            return "";
        }
        long s = n.longValue();
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return s / 60 + " min" + (s % 60 == 0 ? "" : " " + s % 60 + " s");
        }
        if (s < 86_400) {
            return s / 3600 + " h" + (s / 60 % 60 == 0 ? "" : " " + s / 60 % 60 + " min");
        }
        return s / 86_400 + " d" + (s / 3600 % 24 == 0 ? "" : " " + s / 3600 % 24 + " h");
    }

    /** The queue of a callback request: {@code {"id", "type": "team"}}, or {@code team_id} in older records. */
    private static Object teamOf(Map<?, ?> detail) {
        return detail.containsKey("team_id") ? detail.get("team_id") : detail.get("id");
    }

    private static String party(Object party, EntryNames names, AddressBookWords book) {
        if (!(party instanceof Map<?, ?> p)) {
            return "someone";
        }
        Object number = p.get("number");
        String who = endpoint(p.get("type"), p.get("id"), names, book);
        return (number == null ? "" : number + " (") + who + (number == null ? "" : ")");
    }
}
