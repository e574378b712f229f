package io.callrecords.calls;

import io.callrecords.people.EntryKind;
import io.callrecords.people.EntryNames;
import io.callrecords.shared.Csv;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;

/**
 * The export's spreadsheet layout ({@code layout=spreadsheet}, what the call log page downloads): a CSV that a
 * spreadsheet opens as people read calls. Columns are headed in words; times are local in the account's zone (named in
 * the header) and in UTC, as {@code 2026-03-26 15:31:32}, which spreadsheets read as date-times; durations are in
 * seconds and as h:mm:ss; every id has its name beside it; reasons and outcomes are words; no JSON (the records
 * layout, the API's default, keeps every field and the call flow). The file starts with a UTF-8 byte order mark, by
 * which Excel knows it is UTF-8 (names like Ayşe stay whole); a name that starts like a formula (= + - @) gets a
 * leading apostrophe, so that a spreadsheet shows it and does not run it.
 */
final class SpreadsheetCsvWriter implements ExportWriter {

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final Writer out;
    private final ZoneId zone;
    private final ZoneRules rules;
    private final List<String> line = new ArrayList<>();

    SpreadsheetCsvWriter(OutputStream out, ZoneId zone) {
        this.out = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        this.zone = zone;
        this.rules = zone.getRules();
    }

    /** The column headings, with the account's zone in those of local times (told apart from UTC's when it is UTC). */
    static List<String> header(ZoneId zone) {
        String local = zone.normalized().equals(ZoneOffset.UTC) ? " (account's zone: UTC)" : " (" + zone.getId() + ")";
        return List.of("Call", "Started" + local, "Started (UTC)", "Ended" + local, "Ended (UTC)", "Direction",
                "From", "From name", "To", "To name", "Line", "Line name", "User id", "User", "Outcome",
                "Why missed", "Hung up by", "Waited (s)", "Waited (h:mm:ss)", "Duration (s)", "Duration (h:mm:ss)",
                "Voicemail box id", "Voicemail box", "Called back", "Called back by id", "Called back by",
                "Time to callback (s)", "Time to callback (h:mm:ss)", "Callback call", "Recording link",
                "Voicemail link");
    }

    /** Writes the byte order mark and the header row; called once, before the first record. */
    SpreadsheetCsvWriter header() throws IOException {
        out.write(BYTE_ORDER_MARK);
        writeLine(header(zone));
        return this;
    }

    @Override
    public boolean named() {
        return true;
    }

    @Override
    public void accept(CallRecord r, EntryNames names) throws IOException {
        line.clear();
        add(r.uuid().toString());
        add(local(r.startedAt()));
        add(utc(r.startedAt()));
        add(local(r.endedAt()));
        add(utc(r.endedAt()));
        add(CallWords.direction(wire(r.direction())));
        add(r.callerNumber());
        add(name(RecordEntries.callerName(r, names)));
        add(r.calleeNumber());
        add(name(RecordEntries.calleeName(r, names)));
        add(id(r.numberId()));
        add(name(names.label(EntryKind.NUMBER, r.numberId())));
        add(id(r.userId()));
        add(name(names.label(EntryKind.USER, r.userId())));
        add(outcome(r));
        add(Boolean.TRUE.equals(r.missingCall()) ? CallWords.reason(wire(r.missingCallReason())) : null);
        add(hangupBy(r.hangupBy()));
        add(Integer.toString(r.firstTouchDuration()));
        add(clock(r.firstTouchDuration()));
        add(r.callDuration() == null ? null : r.callDuration().toString());
        add(r.callDuration() == null ? null : clock(r.callDuration()));
        add(id(r.voicemailId()));
        add(name(names.label(EntryKind.VOICEMAIL_BOX, r.voicemailId())));
        add(!Boolean.TRUE.equals(r.missingCall()) ? null : r.callbackCdrUuid() != null ? "Yes" : "No");
        add(id(r.callbackUserId()));
        add(name(names.label(EntryKind.USER, r.callbackUserId())));
        add(r.callbackTime() == null ? null : r.callbackTime().toString());
        add(r.callbackTime() == null ? null : clock(r.callbackTime()));
        add(r.callbackCdrUuid() == null ? null : r.callbackCdrUuid().toString());
        add(r.recordUrl());
        add(r.voicemailUrl());
        writeLine(line);
    }

    @Override
    public void close() throws IOException {
        out.flush();
    }

    /** Seconds as h:mm:ss, which spreadsheets read as a duration. */
    static String clock(long seconds) {
        return "%d:%02d:%02d".formatted(seconds / 3600, seconds / 60 % 60, seconds % 60);
    }

    /** {@code 2026-03-26 15:31:32}: the instant's wall-clock time at {@code offset}, digits set by hand (as wireTime). */
    static String wallClock(Instant value, ZoneOffset offset) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(value.getEpochSecond(), 0, offset);
        if (t.getYear() < 1000 || t.getYear() > 9999) {
            return t.toLocalDate() + " " + t.toLocalTime();
        }
        char[] out = "0000-00-00 00:00:00".toCharArray();
        digits(out, 0, t.getYear(), 4);
        digits(out, 5, t.getMonthValue(), 2);
        digits(out, 8, t.getDayOfMonth(), 2);
        digits(out, 11, t.getHour(), 2);
        digits(out, 14, t.getMinute(), 2);
        digits(out, 17, t.getSecond(), 2);
        return new String(out);
    }

    private String local(Instant value) {
        return value == null ? null : wallClock(value, rules.getOffset(value));
    }

    private static String utc(Instant value) {
        return value == null ? null : wallClock(value, ZoneOffset.UTC);
    }

    private static String outcome(CallRecord r) {
        if (r.endedAt() == null) {
            return "In progress";
        }
        if (Boolean.TRUE.equals(r.missingCall())) {
            return "Missed";
        }
        return r.bridgedAt() != null ? "Answered" : "Not answered";
    }

    private static String hangupBy(HangupBy by) {
        return by == null ? null : switch (by) {
            case USER -> "User";
            case CONTACT -> "Contact";
            case SYSTEM -> "System";
        };
    }

    /** A name as a spreadsheet shows it: never read as a formula. */
    private static String name(String name) {
        if (name == null || name.isEmpty()) {
            return name;
        }
        char first = name.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + name : name;
    }

    private static String id(Long id) {
        return id == null ? null : id.toString();
    }

    private static String wire(WireName code) {
        return code == null ? null : code.wire();
    }

    private void add(String field) {
        line.add(field);
    }

    private void writeLine(List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            String field = fields.get(i);
            if (field != null) {
                out.write(Csv.field(field));
            }
        }
        out.write("\r\n");
    }

    private static void digits(char[] out, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }
}
