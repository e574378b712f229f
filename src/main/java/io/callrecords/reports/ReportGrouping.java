package io.callrecords.reports;

import java.util.Arrays;
import java.util.Optional;

/** The {@code group_by} of a summary (reports.md "Grouping"). */
enum ReportGrouping {
    DAY("day", true),
    HOUR("hour", true),
    WEEKDAY_HOUR("weekday_hour", true),
    USER("user", false),
    NUMBER("number", false),
    TEAM("team", false);

    final String wire;
    /** Buckets of time come from the roll-ups; the others are computed from the records. */
    final boolean byTime;

    ReportGrouping(String wire, boolean byTime) {
        this.wire = wire;
        this.byTime = byTime;
    }

    static Optional<ReportGrouping> of(String wire) {
        return Arrays.stream(values()).filter(g -> g.wire.equals(wire)).findFirst();
    }
}
