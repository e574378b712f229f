package io.callrecords.sources.asterisk;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;

/**
 * The times Asterisk writes: CEL's {@code YYYY-MM-DD HH:MM:SS[.ffffff]} in cel.conf's zone (the profile's), the same
 * with an offset, ISO-8601, or unix seconds with a fraction ({@code 1733400000.123456}, queue_log and some dateformats).
 */
final class AsteriskTimes {

    private static final DateTimeFormatter LOCAL = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd[ ]['T']HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .toFormatter();
    private static final DateTimeFormatter WITH_OFFSET = new DateTimeFormatterBuilder()
            .append(LOCAL).optionalStart().appendLiteral(' ').optionalEnd().appendOffset("+HH:MM", "Z")
            .toFormatter();
    private static final DateTimeFormatter WITH_SHORT_OFFSET = new DateTimeFormatterBuilder()
            .append(LOCAL).optionalStart().appendLiteral(' ').optionalEnd().appendOffset("+HHMM", "Z")
            .toFormatter();

    private AsteriskTimes() {}

    static Instant parse(String text, ZoneId zone) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            throw new IllegalArgumentException("is empty");
        }
        if (t.matches("\\d{9,11}(\\.\\d{1,9})?")) {
            BigDecimal seconds = new BigDecimal(t);
            long whole = seconds.longValue();
            long nanos = seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(9).longValue();
            return Instant.ofEpochSecond(whole, nanos);
        }
        try {
            return LocalDateTime.parse(t, LOCAL).atZone(zone).toInstant();
        } catch (DateTimeParseException local) {
            for (DateTimeFormatter f : new DateTimeFormatter[] {WITH_OFFSET, WITH_SHORT_OFFSET}) {
                try {
                    return OffsetDateTime.parse(t, f).toInstant();
                } catch (DateTimeParseException next) {
                    // try the next form
                }
            }
        }
        throw new IllegalArgumentException("is not a time: write YYYY-MM-DD HH:MM:SS.ffffff (with or without an offset)"
                + " or unix seconds");
    }
}
