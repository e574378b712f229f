package io.callrecords.reports;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The {@code status} of a worklist line, and the {@code status} filter ({@link #ALL} is only a filter). A line is
 * unreturned while one of its missed calls is; else dismissed when the active dismissal covers a call nobody
 * returned; else every call was returned.
 */
enum WorklistStatus {
    UNRETURNED, RETURNED, DISMISSED, ALL;

    static final String CHOICES = Arrays.stream(values()).map(WorklistStatus::wire).collect(Collectors.joining(", "));

    String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Who waited longest comes first among unreturned lines; any other list shows the latest missed calls first. */
    boolean oldestFirst() {
        return this == UNRETURNED;
    }

    static Optional<WorklistStatus> fromWire(String value) {
        return Arrays.stream(values()).filter(s -> s.wire().equals(value)).findFirst();
    }
}
