package io.callrecords.calls;

import io.callrecords.media.MediaUrls;
import io.callrecords.shared.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One field of a call record's wire shape (call-records.md §1) and how it is read from its {@code call_records}
 * column. {@link #ALL} is the one list of the shape, in the order of the article: the record maps, the NDJSON and
 * CSV exports and the OpenAPI schema all follow it.
 *
 * @param column the 1-based position of the field's column in {@link #COLUMNS}; 0 when it has none
 */
record WireField(String name, Kind kind, int column) {

    /** What a field holds on the wire. */
    enum Kind {
        /** a string (uuids and enums too) */
        TEXT,
        /** a whole number, an id */
        ID,
        /** a whole number of seconds */
        SECONDS,
        BOOLEAN,
        /** a time, served in UTC to the second with {@code Z} */
        TIME,
        /** a media URL, signed afresh on every read (call-records.md §4); no stored media is served yet */
        MEDIA_URL,
        /** the call flow, JSON stored as text */
        FLOW
    }

    static final List<WireField> ALL = numbered(
            "uuid", Kind.TEXT, "direction", Kind.TEXT, "number_id", Kind.ID, "channel_type", Kind.TEXT,
            "channel_id", Kind.ID, "caller_number", Kind.TEXT, "callee_number", Kind.TEXT, "caller_type", Kind.TEXT,
            "caller_id", Kind.ID, "callee_type", Kind.TEXT, "callee_id", Kind.ID, "user_id", Kind.ID,
            "contact_id", Kind.ID, "company_id", Kind.ID, "related_type", Kind.TEXT, "related_id", Kind.ID,
            "started_at", Kind.TIME, "answered_at", Kind.TIME, "bridged_at", Kind.TIME, "ended_at", Kind.TIME,
            "team_touch_at", Kind.TIME, "first_touch_duration", Kind.SECONDS, "call_duration", Kind.SECONDS,
            "missing_call", Kind.BOOLEAN, "missing_call_reason", Kind.TEXT, "hangup_by", Kind.TEXT,
            "record_url", Kind.MEDIA_URL, "voicemail_url", Kind.MEDIA_URL, "voicemail_id", Kind.ID,
            "voicemail_type", Kind.TEXT, "callback_user_id", Kind.ID, "callback_time", Kind.SECONDS,
            "callback_cdr_uuid", Kind.TEXT, "updated_at", Kind.TIME, "call_flow", Kind.FLOW);

    /** The select list that {@link #column} counts in. */
    static final String COLUMNS = ALL.stream().filter(f -> f.column > 0)
            .map(f -> f.kind == Kind.FLOW ? f.name + "::text AS " + f.name : f.name)
            .collect(Collectors.joining(", "));

    static final List<String> NAMES = ALL.stream().map(WireField::name).toList();

    /** The values of every field of the current row of {@code rs}, in the order of {@link #ALL}. */
    private static final int RECORD_URL = NAMES.indexOf("record_url");
    private static final int VOICEMAIL_URL = NAMES.indexOf("voicemail_url");

    private static final int UUID_FIELD = NAMES.indexOf("uuid");

    /** The call of a row's values. */
    static java.util.UUID uuid(Object[] values) {
        return java.util.UUID.fromString((String) values[UUID_FIELD]);
    }

    /** Puts the signed media links of the call into its row's values. */
    static void putMedia(Object[] values, MediaUrls urls) {
        values[RECORD_URL] = urls.recordUrl();
        values[VOICEMAIL_URL] = urls.voicemailUrl();
    }

    static Object[] values(ResultSet rs) throws SQLException {
        Object[] values = new Object[ALL.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = ALL.get(i).read(rs);
        }
        return values;
    }

    /** The value as the wire has it: String, Long, Integer, Boolean, or null; the call flow as its JSON text. */
    Object read(ResultSet rs) throws SQLException {
        return switch (kind) {
            case TEXT, FLOW -> rs.getString(column);
            case ID -> {
                long value = rs.getLong(column);
                yield rs.wasNull() ? null : value;
            }
            case SECONDS -> {
                int value = rs.getInt(column);
                yield rs.wasNull() ? null : value;
            }
            case BOOLEAN -> {
                boolean value = rs.getBoolean(column);
                yield rs.wasNull() ? null : value;
            }
            case TIME -> {
                OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
                yield value == null ? null : wireTime(value);
            }
            case MEDIA_URL -> null;
        };
    }

    /**
     * {@link Timestamps#wire} written by hand ({@code 2026-03-26T12:31:32Z}): an export formats six times a record,
     * and java.time's formatter took a third of the service's CPU per exported record.
     */
    static String wireTime(OffsetDateTime value) {
        OffsetDateTime utc = value.getOffset().equals(ZoneOffset.UTC) ? value : value.withOffsetSameInstant(ZoneOffset.UTC);
        int year = utc.getYear();
        if (year < 1000 || year > 9999) {
            return Timestamps.wire(utc.toInstant());
        }
        char[] out = {'0', '0', '0', '0', '-', '0', '0', '-', '0', '0', 'T', '0', '0', ':', '0', '0', ':', '0', '0', 'Z'};
        digits(out, 0, year, 4);
        digits(out, 5, utc.getMonthValue(), 2);
        digits(out, 8, utc.getDayOfMonth(), 2);
        digits(out, 11, utc.getHour(), 2);
        digits(out, 14, utc.getMinute(), 2);
        digits(out, 17, utc.getSecond(), 2);
        return new String(out);
    }

    private static void digits(char[] out, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    private static List<WireField> numbered(Object... nameAndKind) {
        List<WireField> fields = new java.util.ArrayList<>();
        int column = 0;
        for (int i = 0; i < nameAndKind.length; i += 2) {
            Kind kind = (Kind) nameAndKind[i + 1];
            fields.add(new WireField((String) nameAndKind[i], kind, kind == Kind.MEDIA_URL ? 0 : ++column));
        }
        return List.copyOf(fields);
    }
}
