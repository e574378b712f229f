package io.callrecords.calls;

import java.time.Duration;
import java.time.Instant;

/**
 * How far ahead of the service's clock a call's time may be when it arrives. A platform's clock runs a little
 * ahead now and then; a call hours ahead is a wrong clock or a wrong zone, and accepting it would count it in a
 * "today" that has not happened yet.
 */
record ClockSkew(Instant now, Duration max) {

    /** What is wrong with {@code at} (a phrase to follow the field's name), or null when it is not too far ahead. */
    String problem(Instant at) {
        Duration ahead = Duration.between(now, at);
        if (ahead.compareTo(max) <= 0) {
            return null;
        }
        return "is " + words(ahead) + " ahead of the service's clock (" + now + "); at most " + words(max)
                + " ahead is accepted (callrecords.api.max-clock-skew)";
    }

    private static String words(Duration d) {
        long seconds = d.toSeconds();
        return seconds >= 3600 ? seconds / 3600 + " h " + seconds % 3600 / 60 + " min"
                : seconds >= 60 ? seconds / 60 + " min " + seconds % 60 + " s"
                : seconds + " s";
    }
}
