package io.callrecords.sources;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The uuid of a source's call, a function of its call key alone, so every translation of the call, on any node and
 * after a re-derivation, writes the same record: the key itself when it is a uuid (FreeSWITCH's A-leg, Hipcall's call),
 * else a name-based uuid of the source and the key (Asterisk's linkedid {@code 1733400000.42}).
 */
public final class CallUuids {

    private CallUuids() {}

    public static UUID of(SourceKind source, String callKey) {
        try {
            UUID uuid = UUID.fromString(callKey);
            if (uuid.toString().equalsIgnoreCase(callKey)) {
                return uuid;
            }
        } catch (IllegalArgumentException notAUuid) {
            // named below
        }
        return UUID.nameUUIDFromBytes((source.wire() + ":" + callKey).getBytes(StandardCharsets.UTF_8));
    }
}
