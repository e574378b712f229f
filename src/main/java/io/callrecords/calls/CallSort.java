package io.callrecords.calls;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The orders a call list can be served in. Each ends with {@code uuid} in the same direction, so that
 * every record has one place in the order and a keyset cursor ({@link ListCursor}) resumes exactly.
 */
enum CallSort {
    STARTED_AT_DESC("started_at.desc", "started_at", false),
    STARTED_AT_ASC("started_at.asc", "started_at", true),
    /** Incremental sync: records in the order they last changed (call-records.md §1 {@code updated_at}). */
    UPDATED_AT_ASC("updated_at.asc", "updated_at", true);

    private final String wire;
    private final String column;
    private final boolean ascending;

    CallSort(String wire, String column, boolean ascending) {
        this.wire = wire;
        this.column = column;
        this.ascending = ascending;
    }

    String wire() {
        return wire;
    }

    /** The column of the sort key; a fixed name, never request input. */
    String column() {
        return column;
    }

    String orderBy() {
        String direction = ascending ? " ASC" : " DESC";
        return column + direction + ", uuid" + direction;
    }

    /** The keyset condition "after the cursor" in this order. */
    String after(String keyParameter, String uuidParameter) {
        return "(" + column + ", uuid) " + (ascending ? ">" : "<") + " (:" + keyParameter + ", :" + uuidParameter + ")";
    }

    static Optional<CallSort> fromWire(String wire) {
        return Arrays.stream(values()).filter(s -> s.wire.equals(wire)).findFirst();
    }

    static String choices() {
        return Arrays.stream(values()).map(CallSort::wire).collect(Collectors.joining(", "));
    }
}
