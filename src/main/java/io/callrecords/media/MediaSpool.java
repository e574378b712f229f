package io.callrecords.media;

import io.callrecords.shared.ApiException;
import io.callrecords.shared.CallrecordsProperties;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Streams audio into a temporary file under {@code <data-dir>/media/tmp}, never holding more than a
 * buffer of it in memory: checks its type on the first bytes, counts it against the size limit,
 * digests it (SHA-256) and fsyncs it. What comes out is complete and durable, ready to be moved into
 * the storage; what fails leaves no file behind.
 */
@Component
class MediaSpool {

    /** A complete temporary file and what was learnt while writing it. */
    record Spooled(Path file, AudioType type, long size, String sha256) {}

    /** Reading the audio failed (the sender went away): not the service's fault, and worth a retry. */
    static final class Unreadable extends IOException {
        Unreadable(IOException cause) {
            super("The audio could not be read to its end: " + cause.getMessage(), cause);
        }
    }

    private static final int BUFFER = 256 * 1024;

    private final Path tmpDir;
    private final long maxSize;

    MediaSpool(CallrecordsProperties properties) {
        this.tmpDir = properties.dataDir().resolve("media").resolve("tmp");
        this.maxSize = properties.media().maxSize().toBytes();
    }

    long maxSize() {
        return maxSize;
    }

    Path tmpDir() {
        return tmpDir;
    }

    /**
     * @param declared the type the sender named, or null to take whatever audio type the bytes show
     * @throws ApiException 415 when the bytes are not (that) audio, 413 past the size limit
     */
    Spooled spool(InputStream in, AudioType declared) throws IOException {
        Files.createDirectories(tmpDir);
        Path file = tmpDir.resolve(UUID.randomUUID() + ".part");
        boolean complete = false;
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            MessageDigest sha256 = sha256();
            byte[] buffer = new byte[BUFFER];
            int head = read(() -> in.readNBytes(buffer, 0, AudioType.HEAD_BYTES));
            AudioType type = checkType(buffer, head, declared);
            long size = 0;
            int n = head;
            while (n >= 0) {
                size += n;
                if (size > maxSize) {
                    throw tooLarge(maxSize);
                }
                sha256.update(buffer, 0, n);
                ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, n);
                while (chunk.hasRemaining()) {
                    out.write(chunk);
                }
                n = read(() -> in.read(buffer));
            }
            out.force(true);
            complete = true;
            return new Spooled(file, type, size, HexFormat.of().formatHex(sha256.digest()));
        } finally {
            if (!complete) {
                Files.deleteIfExists(file);
            }
        }
    }

    private interface Read {
        int next() throws IOException;
    }

    /** Tells a failure to read the body apart from one to write the file (a full disk is the service's problem). */
    private static int read(Read read) throws Unreadable {
        try {
            return read.next();
        } catch (IOException e) {
            throw new Unreadable(e);
        }
    }

    static ApiException tooLarge(long limit) {
        return new ApiException(HttpStatus.CONTENT_TOO_LARGE,
                "The audio is larger than the limit of " + limit + " bytes (callrecords.media.max-size).");
    }

    private static AudioType checkType(byte[] head, int length, AudioType declared) {
        if (length == 0) {
            throw new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "The body is empty: send the audio.");
        }
        AudioType found = AudioType.sniff(head, length).orElseThrow(() -> new ApiException(
                HttpStatus.UNSUPPORTED_MEDIA_TYPE, "The body is not audio/mpeg, audio/wav or audio/ogg:"
                + " its first bytes are none of theirs (ID3 or an MPEG frame, RIFF....WAVE, OggS)."));
        if (declared != null && found != declared) {
            throw new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "The body was sent as " + declared.contentType
                    + " but its first bytes are those of " + found.contentType + ".");
        }
        return found;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
