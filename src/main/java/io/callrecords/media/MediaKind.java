package io.callrecords.media;

import java.util.Locale;
import java.util.Optional;

/** The two kinds of audio a call can have; the wire name is the path segment and the record field's stem. */
public enum MediaKind {
    RECORDING, VOICEMAIL;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<MediaKind> fromWire(String value) {
        for (MediaKind kind : values()) {
            if (kind.wire().equals(value)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
