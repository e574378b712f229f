package io.callrecords.media;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a {@code Range} header asks of an object of {@code size} bytes (RFC 9110 §14): one range
 * ({@code bytes=0-99}, {@code bytes=100-}, the suffix {@code bytes=-100}), the whole object when
 * there is no header or one the service ignores (another unit, several ranges, bad syntax: a server
 * may always answer such a request whole), or nothing it can satisfy (a start past the end).
 */
sealed interface ByteRange {

    /** The whole object, {@code 200}. */
    record Whole(long size) implements ByteRange {}

    /** Bytes {@code first} to {@code last} inclusive, {@code 206}. */
    record Part(long first, long last, long size) implements ByteRange {
        long length() {
            return last - first + 1;
        }

        String contentRange() {
            return "bytes " + first + "-" + last + "/" + size;
        }
    }

    /** No byte of the object is in the range, {@code 416}. */
    record Unsatisfiable(long size) implements ByteRange {}

    Pattern SPEC = Pattern.compile("bytes=(\\d{0,18})-(\\d{0,18})");

    static ByteRange of(String header, long size) {
        if (header == null) {
            return new Whole(size);
        }
        Matcher m = SPEC.matcher(header.strip().toLowerCase(Locale.ROOT));
        if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
            return new Whole(size);
        }
        if (m.group(1).isEmpty()) {
            long suffix = Long.parseLong(m.group(2));
            return suffix == 0 ? new Unsatisfiable(size) : new Part(Math.max(0, size - suffix), size - 1, size);
        }
        long first = Long.parseLong(m.group(1));
        long last = m.group(2).isEmpty() ? Long.MAX_VALUE : Long.parseLong(m.group(2));
        if (last < first) {
            return new Whole(size); // an invalid range-spec: ignored
        }
        if (first >= size) {
            return new Unsatisfiable(size);
        }
        return new Part(first, Math.min(last, size - 1), size);
    }
}
