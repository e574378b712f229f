package io.callrecords.calls;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
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

/** Wire names computed once per enum: intake reads and writes them for every event. */
record WireNames(String[] names, Map<String, Object> byName) {

    private static final ClassValue<WireNames> CACHE = new ClassValue<>() {
        @Override
        protected WireNames computeValue(Class<?> type) {
            Object[] constants = type.getEnumConstants();
            String[] names = new String[constants.length];
            Map<String, Object> byName = new HashMap<>();
            for (int i = 0; i < constants.length; i++) {
                names[i] = ((Enum<?>) constants[i]).name().toLowerCase(Locale.ROOT);
                byName.put(names[i], constants[i]);
            }
            return new WireNames(names, Map.copyOf(byName));
        }
    };

    static WireNames of(Class<?> type) {
        return CACHE.get(type);
    }
}
