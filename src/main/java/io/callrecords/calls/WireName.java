package io.callrecords.calls;

import java.util.Locale;
import java.util.Optional;

/**
 * An enum whose JSON form is its constant name in lower case ({@code BRIDGE_ATTEMPT} ↔ {@code bridge_attempt}),
 * as every enum value of call-records.md is.
 */
public interface WireName {

    String name();

    default String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The constant whose wire name is {@code wire}; empty for an unknown value (intake rejects it with 422). */
    static <E extends Enum<E> & WireName> Optional<E> parse(Class<E> type, String wire) {
        return wire == null ? Optional.empty() : Optional.ofNullable(type.cast(WireNames.of(type).get(wire)));
    }
}
