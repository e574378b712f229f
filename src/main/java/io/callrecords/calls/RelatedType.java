package io.callrecords.calls;

import java.util.Optional;

/** What the address-book match of a call is (call-records.md §3.9). */
public enum RelatedType implements WireName {
    CONTACT, COMPANY;

    public static Optional<RelatedType> fromWire(String wire) {
        return WireName.parse(RelatedType.class, wire);
    }
}
