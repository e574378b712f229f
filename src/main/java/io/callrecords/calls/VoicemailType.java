package io.callrecords.calls;

import java.util.Optional;

/** The kind of voicemail box the caller reached (call-records.md §3.8). */
public enum VoicemailType implements WireName {
    USER, ACCOUNT;

    public static Optional<VoicemailType> fromWire(String wire) {
        return WireName.parse(VoicemailType.class, wire);
    }
}
