package io.callrecords.web;

import io.callrecords.calls.CallRecord;
import io.callrecords.calls.EndpointType;
import io.callrecords.calls.RecordEntries;
import io.callrecords.people.EntryKind;
import io.callrecords.people.EntryNames;
import java.util.Collection;
import java.util.Map;

/**
 * The directory entries that calls name (users, teams, numbers, routing points, voicemail boxes), gathered from
 * records and their flows into one {@link io.callrecords.people.DirectoryNames} lookup a page, never one a row; and
 * how an endpoint's {@code type} maps to the kind of entry its {@code id} is.
 */
final class CallNames {

    private CallNames() {}

    /** Every id the records name, in their fields and in their call flows. */
    static EntryNames.Wanted wanted(Collection<CallRecord> records) {
        EntryNames.Wanted wanted = new EntryNames.Wanted();
        for (CallRecord r : records) {
            RecordEntries.addTo(wanted, r);
            for (CallRecord.FlowEntry event : r.callFlow().entries()) {
                event(wanted, event.action().wire(), event.detail());
            }
        }
        return wanted;
    }

    /** The kind of entry an endpoint of this {@code type} is; null for a contact, a hang-up or an unknown type. */
    static EntryKind kindOf(Object type) {
        return type == null ? null
                : EndpointType.fromWire(type.toString()).flatMap(EndpointType::entryKind).orElse(null);
    }

    /** An event detail's id: a number as the JSON gave it; null for none or anything else. */
    static Long id(Object value) {
        if (value instanceof Number n) {
            return n.longValue();
        }
        if (value instanceof String s && s.matches("\\d{1,18}")) {
            return Long.parseLong(s);
        }
        return null;
    }

    /** The label of the endpoint, or null when it names no entry the directory knows. */
    static String label(EntryNames names, Object type, Object id) {
        EntryKind kind = kindOf(type);
        return kind == null ? null : names.label(kind, id(id));
    }

    /** The ids of one call-flow event (call-records.md §2), as {@link DetailWords#event} reads them. */
    private static void event(EntryNames.Wanted wanted, String action, Map<?, ?> detail) {
        switch (action) {
            case "init" -> {
                party(wanted, detail.get("caller"));
                party(wanted, detail.get("callee"));
                add(wanted, kindOf(detail.get("type")), id(detail.get("id")));
            }
            case "route", "answer" -> add(wanted, kindOf(detail.get("type")), id(detail.get("id")));
            case "bridge_attempt", "bridge", "bridge_fail" -> wanted.add(EntryKind.USER, id(detail.get("id")));
            case "callback_request" -> wanted.add(EntryKind.TEAM,
                    id(detail.containsKey("team_id") ? detail.get("team_id") : detail.get("id")));
            case "voicemail" -> wanted.add(EntryKind.VOICEMAIL_BOX, id(detail.get("id")));
            default -> { }
        }
    }

    private static void party(EntryNames.Wanted wanted, Object party) {
        if (party instanceof Map<?, ?> p) {
            add(wanted, kindOf(p.get("type")), id(p.get("id")));
        }
    }

    private static void add(EntryNames.Wanted wanted, EntryKind kind, Long id) {
        if (kind != null) {
            wanted.add(kind, id);
        }
    }
}
