package io.callrecords.shared;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Whether a request's path, as the client wrote it, is the one path every part of the service reads alike. The
 * servlet container strips path parameters, decodes percent-encodings and resolves dot segments before routing, while
 * a guard that looks at the path as written ({@code /calls;x=1}, {@code /%63alls}, {@code /x/../calls}) sees another
 * path than the one routed, and lets the request by. So any path that is not already in that form is refused before
 * any guard runs: then every guard sees the path the dispatcher routes.
 */
final class CanonicalPath {

    private CanonicalPath() {}

    /**
     * Why {@code raw} (the request URI as sent, without the context path and query) is not canonical, or empty when
     * it is and decodes to {@code routed}, the path the container routes.
     */
    static Optional<String> refusal(String raw, String routed) {
        if (!raw.startsWith("/")) {
            return Optional.of("it must start with '/'");
        }
        if (raw.indexOf(';') >= 0) {
            return Optional.of("path parameters (';') are not accepted");
        }
        if (raw.indexOf('\\') >= 0) {
            return Optional.of("backslashes are not accepted");
        }
        Optional<String> encoding = needlessEncoding(raw);
        if (encoding.isPresent()) {
            return encoding;
        }
        String[] segments = raw.substring(1).split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            if (segments[i].equals(".") || segments[i].equals("..")) {
                return Optional.of("'.' and '..' segments are not accepted");
            }
            if (segments[i].isEmpty() && i < segments.length - 1) {
                return Optional.of("empty segments ('//') are not accepted");
            }
        }
        if (!decode(raw).equals(routed)) {
            return Optional.of("it differs from the path it is read as (" + routed + ")");
        }
        return Optional.empty();
    }

    /**
     * A percent-encoding that is malformed, or encodes a character that needs none (RFC 3986's unreserved ones) or
     * one that changes how the path splits or decodes ({@code /}, {@code \}, {@code %}, {@code ;}).
     */
    private static Optional<String> needlessEncoding(String raw) {
        for (int i = raw.indexOf('%'); i >= 0; i = raw.indexOf('%', i + 1)) {
            int value = i + 2 < raw.length() ? hex(raw.charAt(i + 1), raw.charAt(i + 2)) : -1;
            if (value < 0) {
                return Optional.of("a malformed percent-encoding is not accepted");
            }
            char c = (char) value;
            boolean unreserved = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || c == '-' || c == '.' || c == '_' || c == '~';
            if (unreserved || c == '/' || c == '\\' || c == '%' || c == ';') {
                return Optional.of("characters that need no encoding (" + raw.substring(i, i + 3)
                        + "), an encoded '/', '\\', '%' or ';' are not accepted");
            }
        }
        return Optional.empty();
    }

    /** Percent-decoding as a path is decoded (UTF-8; a '+' stays a '+'). */
    private static String decode(String raw) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                bytes.write(hex(raw.charAt(i + 1), raw.charAt(i + 2)));
                i += 2;
            } else {
                byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static int hex(char high, char low) {
        int h = Character.digit(high, 16);
        int l = Character.digit(low, 16);
        return h < 0 || l < 0 ? -1 : h * 16 + l;
    }
}
