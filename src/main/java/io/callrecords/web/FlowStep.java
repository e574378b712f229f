package io.callrecords.web;

import io.callrecords.calls.CallAction;
import io.callrecords.calls.CallRecord;
import io.callrecords.people.EntryNames;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One event of the call flow as a step of the timeline: seconds from the call's start, the local time, and what
 * happened in words.
 *
 * @param offset  "+12 s" from the call's start ("-2 s" for an event the platform dated before the start)
 * @param seconds the same, as a number, for the timeline's datetime attribute
 */
public record FlowStep(String offset, long seconds, String time, String action, String what) {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    /**
     * The record's {@code call_flow} (newest first, ties newest arrival first) as a timeline, oldest first: the
     * reversed list, so that events at the same second keep the order in which they happened.
     */
    static List<FlowStep> timeline(List<CallRecord.FlowEntry> events, Instant startedAt, ZoneId zone) {
        return timeline(events, startedAt, zone, EntryNames.NONE);
    }

    /** The same, naming the entries the directory knows. */
    static List<FlowStep> timeline(List<CallRecord.FlowEntry> events, Instant startedAt, ZoneId zone,
                                   EntryNames names) {
        return timeline(events, startedAt, zone, names, AddressBookWords.NONE);
    }

    /** The same, naming the contact party as the record's address-book match does. */
    static List<FlowStep> timeline(List<CallRecord.FlowEntry> events, Instant startedAt, ZoneId zone,
                                   EntryNames names, AddressBookWords book) {
        long start = startedAt == null ? Long.MIN_VALUE : startedAt.getEpochSecond();
        List<FlowStep> steps = new ArrayList<>();
        for (int i = events.size() - 1; i >= 0; i--) {
            CallRecord.FlowEntry event = events.get(i);
            long at = event.timestamp();
            String action = event.action().wire();
            Map<?, ?> detail = event.detail();
            long seconds = start == Long.MIN_VALUE ? 0 : at - start;
            steps.add(new FlowStep((seconds < 0 ? "-" : "+") + Math.abs(seconds) + " s", seconds,
                    CLOCK.format(Instant.ofEpochSecond(at).atZone(zone)), action, DetailWords.event(action, detail, names, book)));
        }
        return steps;
    }

    /**
     * The record's call flow with its {@code init} entry naming both parties: Hipcall's entry form names only where
     * the call was first sent ({@code {"id", "type"}}), and the record's own fields say who called which number.
     */
    static List<CallRecord.FlowEntry> withParties(CallRecord r) {
        return r.callFlow().entries().stream().map(entry -> {
            Map<String, Object> detail = entry.detail();
            if (entry.action() != CallAction.INIT || detail.containsKey("caller") || detail.containsKey("callee")) {
                return entry;
            }
            Map<String, Object> caller = new LinkedHashMap<>();
            caller.put("number", r.callerNumber());
            caller.put("type", r.callerType() == null ? null : r.callerType().wire());
            caller.put("id", r.callerId());
            Map<String, Object> callee = new LinkedHashMap<>();
            callee.put("number", r.calleeNumber());
            callee.put("type", detail.get("type"));
            callee.put("id", detail.get("id"));
            Map<String, Object> parties = new LinkedHashMap<>();
            parties.put("caller", caller);
            parties.put("callee", callee);
            return new CallRecord.FlowEntry(entry.action(), parties, entry.timestamp());
        }).toList();
    }

    /** The offset as an ISO-8601 duration, for {@code <time datetime>}. */
    public String duration() {
        return java.time.Duration.ofSeconds(seconds).toString();
    }
}
