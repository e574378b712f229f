package io.callrecords.shared;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The service's own keys under {@code <data-dir>/keys}: 32 random bytes made once, kept in base64 in a file of mode
 * 0600, so that what they sign or seal stays readable across restarts and on every node sharing the directory.
 */
public final class KeyFiles {

    private static final SecureRandom RANDOM = new SecureRandom();

    private KeyFiles() {}

    /**
     * The key in {@code file}, made first when there is none.
     *
     * @param what the key's name for the error message, such as "media signing key"
     */
    public static byte[] readOrCreate(Path file, String what) {
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            return Base64.getDecoder().decode(Files.readString(file).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the " + what + " " + file, e);
        }
    }

    /**
     * Writes the key to a private temporary file, then links it into place: linking fails when the file exists, so
     * two processes starting at once agree on the first key and none reads half a file.
     */
    private static void create(Path file) throws IOException {
        Files.createDirectories(file.getParent(),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Files.writeString(tmp, Base64.getEncoder().encodeToString(bytes) + "\n");
            Files.createLink(file, tmp);
        } catch (FileAlreadyExistsException someoneElse) {
            // another process made it first: use theirs
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
