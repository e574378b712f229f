package io.callrecords.calls;

import io.callrecords.shared.Timestamps;
import java.lang.reflect.RecordComponent;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The fields of a {@link CallRecord} on the wire and in {@code call_records}: their names, the select list, how a
 * row becomes a record and how a record is handed to a writer. Names and columns come from the record's
 * components; {@link #read} and {@link #write} name every component, so that the compiler rejects a component
 * either of them forgets.
 */
final class CallRecordFields {

    /** The wire names, in the order every record is served (the CSV export's header). */
    static final List<String> NAMES = Arrays.stream(CallRecord.class.getRecordComponents())
            .map(c -> snakeCase(c.getName())).toList();

    /** The select list that {@link #read} reads, by position: every field with a column, the call flow as text. */
    static final String COLUMNS = Arrays.stream(CallRecord.class.getRecordComponents())
            .filter(c -> !c.isAnnotationPresent(SignedWhenRead.class))
            .map(CallRecordFields::column)
            .collect(Collectors.joining(", "));

    /** Takes the fields of a record in the order of {@link #NAMES}, each by what it holds (null when unknown). */
    interface Writer {
        void text(String value);

        /** an id */
        void id(Long value);

        /** whole seconds */
        void seconds(Integer value);

        void flag(Boolean value);

        /** served in UTC to the second with {@code Z} ({@link #wireTime}) */
        void time(Instant value);

        /** the JSON array as stored */
        void flow(CallFlow value);
    }

    private CallRecordFields() {}

    /** Hands every field of the record to the writer, in the order of {@link #NAMES}. */
    static void write(CallRecord record, Writer out) {
        switch (record) {
            case CallRecord(UUID uuid, Direction direction, Long numberId, String channelType, Long channelId,
                            String callerNumber, String calleeNumber, EndpointType callerType, Long callerId,
                            EndpointType calleeType, Long calleeId, Long userId, Long contactId, Long companyId,
                            RelatedType relatedType, Long relatedId, Instant startedAt, Instant answeredAt,
                            Instant bridgedAt, Instant endedAt, Instant teamTouchAt, int firstTouchDuration,
                            Integer callDuration, Boolean missingCall, MissingCallReason missingCallReason,
                            HangupBy hangupBy, String recordUrl, String voicemailUrl, Long voicemailId,
                            VoicemailType voicemailType, Long callbackUserId, Integer callbackTime,
                            UUID callbackCdrUuid, Boolean credited, Instant updatedAt, CallFlow callFlow) -> {
                out.text(text(uuid));
                out.text(wire(direction));
                out.id(numberId);
                out.text(channelType);
                out.id(channelId);
                out.text(callerNumber);
                out.text(calleeNumber);
                out.text(wire(callerType));
                out.id(callerId);
                out.text(wire(calleeType));
                out.id(calleeId);
                out.id(userId);
                out.id(contactId);
                out.id(companyId);
                out.text(wire(relatedType));
                out.id(relatedId);
                out.time(startedAt);
                out.time(answeredAt);
                out.time(bridgedAt);
                out.time(endedAt);
                out.time(teamTouchAt);
                out.seconds(firstTouchDuration);
                out.seconds(callDuration);
                out.flag(missingCall);
                out.text(wire(missingCallReason));
                out.text(wire(hangupBy));
                out.text(recordUrl);
                out.text(voicemailUrl);
                out.id(voicemailId);
                out.text(wire(voicemailType));
                out.id(callbackUserId);
                out.seconds(callbackTime);
                out.text(text(callbackCdrUuid));
                out.flag(credited);
                out.time(updatedAt);
                out.flow(callFlow);
            }
        }
    }

    /** The record of the current row of a select of {@link #COLUMNS}, without media links (they are signed later). */
    static CallRecord read(ResultSet rs) throws SQLException {
        Row row = new Row(rs);
        return new CallRecord(row.uuid(), row.wire(Direction.class), row.id(), row.text(), row.id(), row.text(),
                row.text(), row.wire(EndpointType.class), row.id(), row.wire(EndpointType.class), row.id(), row.id(),
                row.id(), row.id(), row.wire(RelatedType.class), row.id(), row.time(), row.time(), row.time(),
                row.time(), row.time(), row.seconds(), row.seconds(), row.flag(), row.wire(MissingCallReason.class),
                row.wire(HangupBy.class), null, null, row.id(), row.wire(VoicemailType.class), row.id(),
                row.seconds(), row.uuid(), row.flag(), row.time(), CallFlow.ofJson(row.text()));
    }

    /**
     * {@link Timestamps#wire} written by hand ({@code 2026-03-26T12:31:32Z}): an export formats six times a record,
     * and java.time's formatter took a third of the service's CPU per exported record.
     */
    static String wireTime(Instant value) {
        LocalDateTime utc = LocalDateTime.ofEpochSecond(value.getEpochSecond(), 0, ZoneOffset.UTC);
        int year = utc.getYear();
        if (year < 1000 || year > 9999) {
            return Timestamps.wire(value);
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

    private static String text(UUID uuid) {
        return uuid == null ? null : uuid.toString();
    }

    private static String wire(WireName value) {
        return value == null ? null : value.wire();
    }

    private static String column(RecordComponent component) {
        String name = snakeCase(component.getName());
        return component.getType() == CallFlow.class ? name + "::text AS " + name : name;
    }

    private static String snakeCase(String name) {
        return name.replaceAll("([A-Z])", "_$1").toLowerCase(java.util.Locale.ROOT);
    }

    /** The columns of a row, read one after the other from the first, each as the type of its field. */
    private static final class Row {

        private final ResultSet rs;
        private int column;

        Row(ResultSet rs) {
            this.rs = rs;
        }

        String text() throws SQLException {
            return rs.getString(++column);
        }

        UUID uuid() throws SQLException {
            return rs.getObject(++column, UUID.class);
        }

        <E extends Enum<E> & WireName> E wire(Class<E> type) throws SQLException {
            String value = rs.getString(++column);
            return value == null ? null : WireName.parse(type, value).orElseThrow(() ->
                    new IllegalStateException("call_records column " + column + " holds '" + value + "'"));
        }

        Long id() throws SQLException {
            long value = rs.getLong(++column);
            return rs.wasNull() ? null : value;
        }

        Integer seconds() throws SQLException {
            int value = rs.getInt(++column);
            return rs.wasNull() ? null : value;
        }

        Boolean flag() throws SQLException {
            boolean value = rs.getBoolean(++column);
            return rs.wasNull() ? null : value;
        }

        /** To the second, as the record is served. */
        Instant time() throws SQLException {
            OffsetDateTime value = rs.getObject(++column, OffsetDateTime.class);
            return value == null ? null : Instant.ofEpochSecond(value.toEpochSecond());
        }
    }
}
