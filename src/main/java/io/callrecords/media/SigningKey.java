package io.callrecords.media;

import io.callrecords.shared.CallrecordsProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
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
                            ? configured.getBytes(StandardCharsets.UTF_8) : fromFile();
                }
                key = bytes;
            }
        }
        return key;
    }

    private byte[] fromFile() {
        try {
            if (!Files.exists(file)) {
                create();
            }
            return Base64.getDecoder().decode(Files.readString(file).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the media signing key " + file, e);
        }
    }

    /**
     * Writes the key to a private temporary file, then links it into place: linking fails when the
     * file exists, so two processes starting at once agree on the first key and none reads half a file.
     */
    private void create() throws IOException {
        Files.createDirectories(file.getParent(), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        Path tmp = Files.createTempFile(file.getParent(), "media-signing", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Files.writeString(tmp, Base64.getEncoder().encodeToString(random) + "\n");
            Files.createLink(file, tmp);
        } catch (FileAlreadyExistsException someoneElse) {
            // another process created it first: use theirs
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
