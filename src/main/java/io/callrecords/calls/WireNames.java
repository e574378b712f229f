package io.callrecords.calls;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The constants of each {@link WireName} enum by their wire name, computed once per enum (query parsing is hot). */
final class WireNames {

    private static final ClassValue<Map<String, Object>> BY_WIRE = new ClassValue<>() {
        @Override
        protected Map<String, Object> computeValue(Class<?> type) {
            return Stream.of(type.getEnumConstants())
                    .collect(Collectors.toUnmodifiableMap(c -> ((WireName) c).wire(), Function.identity()));
        }
    };

    private WireNames() {}

    static Map<String, Object> of(Class<?> type) {
        return BY_WIRE.get(type);
    }
}
