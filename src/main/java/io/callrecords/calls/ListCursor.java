package io.callrecords.calls;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * A position in a call list for keyset paging: the sort key and uuid of the last record served. Clients see it
 * only as an opaque base64url string ({@code meta.next_cursor}); it names its sort, so that a cursor is never
 * applied to an order it was not made for. The key keeps microseconds, the precision of the column.
 */
record ListCursor(CallSort sort, Instant key, UUID uuid) {

    private static final String VERSION = "c1";

    String encode() {
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, key);
        String plain = VERSION + "|" + sort.wire() + "|" + micros + "|" + uuid;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor of {@code encoded}; empty when it is not one this service made. */
    static Optional<ListCursor> decode(String encoded) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8).split("\\|", -1);
            if (parts.length != 4 || !parts[0].equals(VERSION)) {
                return Optional.empty();
            }
            Optional<CallSort> sort = CallSort.fromWire(parts[1]);
            Instant key = Instant.EPOCH.plus(Long.parseLong(parts[2]), ChronoUnit.MICROS);
            UUID uuid = UUID.fromString(parts[3]);
            return sort.map(s -> new ListCursor(s, key, uuid));
        } catch (IllegalArgumentException | ArithmeticException | java.time.DateTimeException e) {
            return Optional.empty();
        }
    }
}
