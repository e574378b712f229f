package io.callrecords.web;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * The pages' {@code datetime-local} inputs, which hold a wall-clock time without an offset: the pages read and fill
 * them in the account's time zone, and hand the API a date-time with offset.
 */
final class LocalDateTimes {

    private LocalDateTimes() {}

    /**
     * An input's value in {@code zone} as the API's date-time with offset; text that is no local date-time goes on as
     * typed, so that the API's own message says what is wrong with it.
     */
    static String withOffset(String local, ZoneId zone) {
        try {
            return LocalDateTime.parse(local).atZone(zone).toOffsetDateTime().toString();
        } catch (DateTimeException e) {
            return local;
        }
    }

    /** An instant as an input's value in {@code zone}, to the minute (the inputs show no seconds). */
    static String inputValue(Instant at, ZoneId zone) {
        return LocalDateTime.ofInstant(at, zone).truncatedTo(ChronoUnit.MINUTES).toString();
    }
}
