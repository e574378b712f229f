package io.callrecords.calls;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Wire names computed once per enum: intake, lists and query parsing read and write them all the time. */
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
