package io.callrecords.calls;

import java.util.Optional;

/** Why an inbound call never reached a user; the rules are tried in this order (call-records.md §3.7). */
public enum MissingCallReason implements WireName {
    DENYLIST, OUT_OF_BUSINESS_HOURS, CALLBACK, SHORT_ABANDONED, ABANDONED;

    public static Optional<MissingCallReason> fromWire(String wire) {
        return WireName.parse(MissingCallReason.class, wire);
    }
}
