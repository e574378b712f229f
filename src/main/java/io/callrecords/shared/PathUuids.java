package io.callrecords.shared;

import java.util.UUID;

/**
 * The {@code {uuid}} of a call's paths: a UUID in its canonical form (any case), else a 422 on
 * {@code uuid}. A malformed uuid is the client's mistake, not an unknown call, so it is not a 404.
 */
public final class PathUuids {

    private PathUuids() {}

    public static UUID parse(String value) {
        try {
            UUID parsed = UUID.fromString(value);
            if (parsed.toString().equalsIgnoreCase(value)) {
                return parsed;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw ValidationException.of("uuid", "is not a UUID");
    }
}
