package io.callrecords.simulator;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * One call-flow event as the telephony platform sends it (call-records.md §2).
 *
 * @param id     unique per account: the call's uuid and the event's place in the call
 * @param at     when it happened, to the millisecond
 * @param detail the {@code detail} object, as JSON
 */
public record SimulatedEvent(String id, UUID callUuid, String action, Instant at, String detail) {

    /** Platforms send local times with their offset; the service must read any offset right. */
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX");

    /** The event as one line of NDJSON (with its newline), {@code at} in the center's local time. */
    public void appendJson(StringBuilder out, ZoneId zone) {
        out.append("{\"id\":\"").append(id).append("\",\"call_uuid\":\"").append(callUuid)
                .append("\",\"action\":\"").append(action).append("\",\"at\":\"").append(AT.format(at.atZone(zone)))
                .append("\",\"detail\":").append(detail).append("}\n");
    }

    public String toJson(ZoneId zone) {
        StringBuilder out = new StringBuilder(200);
        appendJson(out, zone);
        return out.substring(0, out.length() - 1);
    }
}
