package io.callrecords.calls;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds an unmodifiable JSON object in key order, leaving out nulls and writing enums by their wire name. */
final class WireMap {

    private final Map<String, Object> values = new LinkedHashMap<>();

    WireMap put(String key, Object value) {
        if (value != null) {
            values.put(key, value instanceof WireName name ? name.wire() : value);
        }
        return this;
    }

    Map<String, Object> build() {
        return Collections.unmodifiableMap(values);
    }
}
