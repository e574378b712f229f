package io.callrecords.sources;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The phone systems Callrecords takes documents from; {@link #wire()} names them in paths, settings and events. */
public enum SourceKind {
    FREESWITCH, ASTERISK, HIPCALL;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<SourceKind> fromWire(String wire) {
        return Arrays.stream(values()).filter(k -> k.wire().equals(wire)).findFirst();
    }
}
