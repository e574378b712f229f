package io.callrecords.calls;

import java.util.Optional;

/** Direction of a call relative to the account's users (call-records.md §3.1). */
public enum Direction implements WireName {
    INBOUND, OUTBOUND, INTERNAL;

    public static Optional<Direction> fromWire(String wire) {
        return WireName.parse(Direction.class, wire);
    }
}
