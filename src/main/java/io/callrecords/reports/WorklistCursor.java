package io.callrecords.reports;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * Where the next worklist page starts: the sort key of the last line served, which is the start time and uuid of
 * the missed call the line is ordered by (its first one when oldest first, else its last one). Clients see an
 * opaque base64url string ({@code meta.next_cursor}); it names the status it was made for, so that it is never
 * applied to another list. Microseconds, the precision of the column.
 */
record WorklistCursor(WorklistStatus status, Instant at, UUID uuid) {

    private static final String VERSION = "w1";

    String encode() {
        String plain = VERSION + "|" + status.wire() + "|" + ChronoUnit.MICROS.between(Instant.EPOCH, at) + "|" + uuid;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor of {@code encoded}; empty when it is not one this service made. */
    static Optional<WorklistCursor> decode(String encoded) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8).split("\\|", -1);
            if (parts.length != 4 || !parts[0].equals(VERSION)) {
                return Optional.empty();
            }
            Instant at = Instant.EPOCH.plus(Long.parseLong(parts[2]), ChronoUnit.MICROS);
            UUID uuid = UUID.fromString(parts[3]);
            return WorklistStatus.fromWire(parts[1]).map(status -> new WorklistCursor(status, at, uuid));
        } catch (IllegalArgumentException | ArithmeticException | DateTimeException e) {
            return Optional.empty();
        }
    }
}
