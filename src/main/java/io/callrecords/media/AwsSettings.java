package io.callrecords.media;

import java.util.function.UnaryOperator;

/** Environment variables or system properties by name, where a blank value counts as not set. */
record AwsSettings(UnaryOperator<String> lookup) {

    /** The value as set (not trimmed), or null when it is not set or blank. */
    String get(String name) {
        String value = lookup.apply(name);
        return isBlank(value) ? null : value;
    }

    static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
