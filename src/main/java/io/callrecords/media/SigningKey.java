package io.callrecords.media;

import io.callrecords.shared.CallrecordsProperties;
import io.callrecords.shared.KeyFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.springframework.stereotype.Component;

/**
 * The server key of the media links: {@code callrecords.media.signing-key} when set, else 32 random
 * bytes generated once and kept in {@code <data-dir>/keys/media-signing.key} (mode 0600) so links
 * stay valid across restarts. Loaded on first use: a service that never signs a link writes no key.
 * Several nodes must share one key: set the property on each (or share the data directory's key).
 */
@Component
class SigningKey {

    static final int MIN_CONFIGURED_LENGTH = 32;

    private final String configured;
    private final Path file;
    private volatile byte[] bytes;

    SigningKey(CallrecordsProperties properties) {
        this.configured = properties.media().signingKey();
        this.file = properties.dataDir().resolve("keys").resolve("media-signing.key");
        if (configured != null && !configured.isEmpty() && configured.length() < MIN_CONFIGURED_LENGTH) {
            throw new IllegalStateException("callrecords.media.signing-key must be at least " + MIN_CONFIGURED_LENGTH
                    + " characters long (for example 32 random bytes in base64).");
        }
    }

    byte[] bytes() {
        byte[] key = bytes;
        if (key == null) {
            synchronized (this) {
                if (bytes == null) {
                    bytes = configured != null && !configured.isEmpty()
                            ? configured.getBytes(StandardCharsets.UTF_8)
                            : KeyFiles.readOrCreate(file, "media signing key");
                }
                key = bytes;
            }
        }
        return key;
    }
}
