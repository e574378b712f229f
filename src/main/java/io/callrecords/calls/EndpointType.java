package io.callrecords.calls;

import java.util.Optional;

/**
 * What a party or endpoint of a call is: {@code caller_type}, {@code callee_type}, and the {@code type} of
 * {@code route} and {@code answer} events (call-records.md §1, §2). A caller is a {@code user} or a {@code contact}.
 */
public enum EndpointType implements WireName {
    CONTACT, USER, GREETING, TEAM, VOICEMAIL, SMART_IVR, SPEED_DIAL, EXTERNAL_MANAGER, HANGUP;

    public static Optional<EndpointType> fromWire(String wire) {
        return WireName.parse(EndpointType.class, wire);
    }
}
