package io.callrecords.support;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Audio-shaped test bodies: the magic bytes of a format, then deterministic pseudo-random bytes
 * from a seed. {@link #stream} makes bodies of any size in constant memory, and the same seed gives
 * the same bytes again, so a download is compared byte for byte without keeping the upload.
 */
public final class Audio {

    public static final String MP3 = "audio/mpeg";
    public static final String WAV = "audio/wav";
    public static final String OGG = "audio/ogg";

    private Audio() {}

    public static byte[] bytes(String type, int size, long seed) {
        try (InputStream in = stream(type, size, seed)) {
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static InputStream stream(String type, long size, long seed) {
        byte[] head = switch (type) {
            case MP3 -> "ID3\u0004\u0000\u0000\u0000\u0000\u0000\u0000".getBytes(StandardCharsets.ISO_8859_1);
            case WAV -> "RIFF\u0024\u0000\u0000\u0000WAVEfmt ".getBytes(StandardCharsets.ISO_8859_1);
            case OGG -> "OggS\u0000\u0002\u0000\u0000".getBytes(StandardCharsets.ISO_8859_1);
            default -> throw new IllegalArgumentException(type);
        };
        return new InputStream() {
            private long position;
            private long state = seed * 0x9E3779B97F4A7C15L + 1;

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                if (position >= size) {
                    return -1;
                }
                int n = (int) Math.min(length, size - position);
                for (int i = 0; i < n; i++) {
                    buffer[offset + i] = position + i < head.length ? head[(int) (position + i)] : next();
                }
                position += n;
                return n;
            }

            private byte next() {
                state ^= state << 13;
                state ^= state >>> 7;
                state ^= state << 17;
                return (byte) state;
            }
        };
    }
}
