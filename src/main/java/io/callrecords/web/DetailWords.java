package io.callrecords.web;

import java.util.Map;

/**
 * The codes the call detail shows beyond the call log's ({@link Words}): endpoints and parties, who hung up, the
 * voicemail box, the call-flow events, and spans of time long enough to need hours and days (a callback).
 */
final class DetailWords {

    private DetailWords() {}

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

    static String hangupBy(Object wire) {
        return switch (wire == null ? "" : wire.toString()) {
            case "user" -> "the user";
            case "contact" -> "the contact";
            case "system" -> "the system";
            case "" -> "not yet (the call has not ended)";
            default -> wire.toString();
        };
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
        return switch (action == null ? "" : action) {
            case "init" -> "Call started: " + party(detail.get("caller")) + " called " + party(detail.get("callee"));
            case "route" -> "Sent to " + endpoint(detail.get("type"), detail.get("id"));
            case "answer" -> "Answered by " + endpoint(detail.get("type"), detail.get("id"));
            case "bridge_attempt" -> "Ringing " + endpoint("user", detail.get("id"));
            case "bridge" -> "In conversation with " + endpoint("user", detail.get("id"));
            case "bridge_fail" -> "No conversation with " + endpoint("user", detail.get("id"))
                    + (detail.get("result") == null ? "" : " (" + detail.get("result") + ")");
            case "callback_request" -> "The caller asked to be called back"
                    + (detail.get("team_id") == null ? "" : " (team " + detail.get("team_id") + ")");
            case "voicemail" -> "Reached " + voicemailBox(detail.get("type"), detail.get("id"));
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

    private static String party(Object party) {
        if (!(party instanceof Map<?, ?> p)) {
            return "someone";
        }
        Object number = p.get("number");
        return (number == null ? "" : number + " (") + endpoint(p.get("type"), p.get("id")) + (number == null ? "" : ")");
    }
}
