package io.callrecords.calls;

import java.util.Optional;

/** Who ended the call ({@code hangup_by}). */
public enum HangupBy implements WireName {
    USER, CONTACT, SYSTEM;

    public static Optional<HangupBy> fromWire(String wire) {
        return WireName.parse(HangupBy.class, wire);
    }
}
