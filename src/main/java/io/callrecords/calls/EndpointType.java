package io.callrecords.calls;

import io.callrecords.people.EntryKind;
import java.util.Optional;

/**
 * What a party or endpoint of a call is: {@code caller_type}, {@code callee_type}, and the {@code type} of
 * {@code route} and {@code answer} events (call-records.md §1, §2). A caller is a {@code user} or a {@code contact}.
 */
public enum EndpointType implements WireName {
    CONTACT, USER, GREETING, TEAM, VOICEMAIL, SMART_IVR, SPEED_DIAL, EXTERNAL_MANAGER, HANGUP;

    /**
     * The kind of directory entry an endpoint of this type is, whose id the record carries; empty for a contact (the
     * address book's) and a hang-up. Greetings are the account's routing points: menus, smart IVRs, speed dials,
     * external managers.
     */
    public Optional<EntryKind> entryKind() {
        return Optional.ofNullable(switch (this) {
            case USER -> EntryKind.USER;
            case TEAM -> EntryKind.TEAM;
            case GREETING, SMART_IVR, SPEED_DIAL, EXTERNAL_MANAGER -> EntryKind.GREETING;
            case VOICEMAIL -> EntryKind.VOICEMAIL_BOX;
            case CONTACT, HANGUP -> null;
        });
    }

    public static Optional<EndpointType> fromWire(String wire) {
        return WireName.parse(EndpointType.class, wire);
    }
}
