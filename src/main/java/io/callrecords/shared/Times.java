package io.callrecords.shared;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * The one rule for every time and date the service reads, wherever it comes from (an event, an import, a filter, a
 * report period, a setting, a key's expiry): it lies in the years 0001 to 9999, counted in UTC. java.time reads far
 * wider years ({@code +10000-01-01T00:00:00Z}, {@code -0001-...}), but the wire writes four-digit years and
 * PostgreSQL's range ends elsewhere, so a wider time would fail later, inside a statement or a response. Each reader
 * passes what it parsed through here and reports the {@link DateTimeException} as it reports any bad time.
 */
public final class Times {

    /** For messages: {@code "... in the years 0001 to 9999"}. */
    public static final String YEARS = "in the years 0001 to 9999";

    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant AFTER_LATEST = Instant.parse("+10000-01-01T00:00:00Z");

    private Times() {}

    public static Instant within(Instant instant) {
        if (instant.isBefore(EARLIEST) || !instant.isBefore(AFTER_LATEST)) {
            throw new DateTimeException(instant + " is not " + YEARS);
        }
        return instant;
    }

    public static Instant within(OffsetDateTime time) {
        return within(time.toInstant());
    }

    public static LocalDate within(LocalDate date) {
        if (date.getYear() < 1 || date.getYear() > 9999) {
            throw new DateTimeException(date + " is not " + YEARS);
        }
        return date;
    }

    /** An ISO-8601 time with offset ({@code 2026-03-26T12:31:32+03:00}) within the years. */
    public static Instant parseWithOffset(String text) {
        return within(OffsetDateTime.parse(text));
    }

    /** An ISO-8601 date ({@code 2026-03-26}) within the years. */
    public static LocalDate parseDate(String text) {
        return within(LocalDate.parse(text));
    }
}
