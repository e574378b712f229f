package io.callrecords.media;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The audio formats the service keeps, told apart by their first bytes (magic numbers) so that a
 * body is never stored as a type it is not, whatever its {@code Content-Type} says.
 */
enum AudioType {
    MPEG("audio/mpeg", "mp3", Set.of("audio/mp3", "audio/mpeg3", "audio/x-mpeg", "audio/x-mp3")),
    WAV("audio/wav", "wav", Set.of("audio/x-wav", "audio/wave", "audio/vnd.wave")),
    OGG("audio/ogg", "ogg", Set.of());

    /** How many leading bytes {@link #sniff} needs. */
    static final int HEAD_BYTES = 12;

    final String contentType;
    final String extension;
    private final Set<String> aliases;

    AudioType(String contentType, String extension, Set<String> aliases) {
        this.contentType = contentType;
        this.extension = extension;
        this.aliases = aliases;
    }

    /** The type a {@code Content-Type} header names (parameters ignored), if it is one of ours. */
    static Optional<AudioType> fromHeader(String header) {
        if (header == null) {
            return Optional.empty();
        }
        String type = header.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(t -> t.contentType.equals(type) || t.aliases.contains(type)).findFirst();
    }

    static Optional<AudioType> fromContentType(String stored) {
        return Arrays.stream(values()).filter(t -> t.contentType.equals(stored)).findFirst();
    }

    /** The type the first bytes show: ID3 tag or MPEG frame sync, RIFF....WAVE, OggS. */
    static Optional<AudioType> sniff(byte[] head, int length) {
        if (length >= 3 && ascii(head, 0, "ID3")) {
            return Optional.of(MPEG);
        }
        if (length >= 4 && mpegFrameHeader(head)) {
            return Optional.of(MPEG);
        }
        if (length >= 12 && ascii(head, 0, "RIFF") && ascii(head, 8, "WAVE")) {
            return Optional.of(WAV);
        }
        if (length >= 4 && ascii(head, 0, "OggS")) {
            return Optional.of(OGG);
        }
        return Optional.empty();
    }

    /**
     * Eleven sync bits, then a version, layer, bitrate and sample rate that are not the reserved
     * values: a bare 0xFFE0 alone would also match ADTS AAC and random data.
     */
    private static boolean mpegFrameHeader(byte[] b) {
        int b1 = b[1] & 0xff;
        int b2 = b[2] & 0xff;
        boolean sync = (b[0] & 0xff) == 0xff && (b1 & 0xe0) == 0xe0;
        int version = (b1 >> 3) & 3;
        int layer = (b1 >> 1) & 3;
        int bitrate = b2 >> 4;
        int sampleRate = (b2 >> 2) & 3;
        return sync && version != 1 && layer != 0 && bitrate != 15 && sampleRate != 3;
    }

    private static boolean ascii(byte[] bytes, int offset, String text) {
        byte[] expected = text.getBytes(StandardCharsets.US_ASCII);
        return Arrays.equals(bytes, offset, offset + expected.length, expected, 0, expected.length);
    }
}
