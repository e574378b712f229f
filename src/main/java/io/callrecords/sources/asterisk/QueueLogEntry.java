package io.callrecords.sources.asterisk;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * One queue_log line, {@code epoch|callid|queue|member|EVENT|data...} (research §1.1), or a row of the realtime table
 * ({@code time, callid, queuename, agent, event, data1..data5}, or {@code data} with the parts joined by {@code |}).
 *
 * @param callId the uniqueid of the caller's channel in the queue; {@code NONE} or {@code REALTIME} for lines about
 *               no call (an agent's log-in, the queue's start), which belong to no call
 */
record QueueLogEntry(Instant at, String callId, String queue, String member, String event, List<String> data) {

    boolean aboutACall() {
        return !callId.isBlank() && !callId.equals("NONE") && !callId.equals("REALTIME");
    }

    String data(int i) {
        return i < data.size() ? data.get(i) : "";
    }

    /** A line's identity: the line itself (queue_log has no id; the same line twice is the same event). */
    String docKey() {
        return "queue_log:" + CelEvent.sha256(String.join("|", Long.toString(at.getEpochSecond()),
                Integer.toString(at.getNano() / 1000), callId, queue, member, event, String.join("|", data)));
    }

    static QueueLogEntry line(String line, ZoneId zone) {
        String[] parts = line.strip().split("\\|", -1);
        if (parts.length < 5) {
            throw new BadInput("line", "has " + parts.length + " fields; a queue_log line is"
                    + " epoch|callid|queue|member|EVENT|data...");
        }
        return of(parts[0], "time", parts[1], parts[2], parts[3], parts[4],
                Arrays.asList(parts).subList(5, parts.length), zone);
    }

    static QueueLogEntry row(Map<String, JsonNode> fields, ZoneId zone) {
        Map<String, String> f = new java.util.HashMap<>();
        fields.forEach((k, v) -> {
            if (v != null && !v.isNull()) {
                f.put(k.toLowerCase(Locale.ROOT), v.isString() ? v.asString() : v.toString());
            }
        });
        List<String> data = new ArrayList<>();
        if (f.containsKey("data")) {
            data.addAll(Arrays.asList(f.get("data").split("\\|", -1)));
        } else {
            for (int i = 1; i <= 5; i++) {
                data.add(f.getOrDefault("data" + i, ""));
            }
            while (!data.isEmpty() && data.getLast().isEmpty()) {
                data.removeLast();
            }
        }
        return of(f.get("time"), "time", f.get("callid"), f.getOrDefault("queuename", f.get("queue")),
                f.getOrDefault("agent", f.get("member")), f.get("event"), data, zone);
    }

    private static QueueLogEntry of(String time, String timeField, String callId, String queue, String member,
                                    String event, List<String> data, ZoneId zone) {
        Instant at;
        try {
            at = AsteriskTimes.parse(time, zone);
        } catch (IllegalArgumentException e) {
            throw new BadInput(timeField, e.getMessage());
        }
        if (callId == null || callId.isBlank()) {
            throw new BadInput("callid", "is missing");
        }
        if (event == null || !event.strip().matches("[A-Z_]+")) {
            throw new BadInput("event", "is not a queue_log event (ENTERQUEUE, CONNECT ...): " + event);
        }
        return new QueueLogEntry(at, callId.strip(), queue == null ? "" : queue.strip(),
                member == null ? "" : member.strip(), event.strip(), List.copyOf(data));
    }
}
