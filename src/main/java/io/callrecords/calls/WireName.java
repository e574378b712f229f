package io.callrecords.calls;

import java.util.Optional;

/**
 * An enum whose JSON form is its constant name in lower case ({@code BRIDGE_ATTEMPT} ↔ {@code bridge_attempt}),
 * as every enum value of call-records.md is.
 */
public interface WireName {

    String name();

    int ordinal();

    default String wire() {
        return WireNames.of(((Enum<?>) this).getDeclaringClass()).names()[ordinal()];
    }

    /** The constant whose wire name is {@code wire}; empty for an unknown value (intake rejects it with 422). */
    static <E extends Enum<E> & WireName> Optional<E> parse(Class<E> type, String wire) {
        return wire == null ? Optional.empty() : Optional.ofNullable(type.cast(WireNames.of(type).byName().get(wire)));
    }
}
