package io.callrecords.shared;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;

/**
 * Checks a raw (still percent-encoded) query string or form body before anything reads it. Servlet containers decode
 * such text leniently: bytes that are not UTF-8 become U+FFFD, a parameter without a name reaches the application as
 * an empty name. Here every name and value is decoded strictly and held to {@link Text}'s rule.
 */
final class QueryText {

    private QueryText() {}

    /**
     * The problems of the values of {@code raw} by parameter name ({@code q: contains a NUL character ...}). A name
     * that is missing or bad is a 400 at once ({@link ApiException}): there is no field to name it by.
     */
    static FieldErrors problems(String raw) {
        FieldErrors errors = new FieldErrors();
        if (raw == null || raw.isEmpty()) {
            return errors;
        }
        for (String pair : raw.split("&", -1)) {
            if (pair.isEmpty()) {
                continue; // a=1&&b=2: nothing there
            }
            int equals = pair.indexOf('=');
            String rawName = equals < 0 ? pair : pair.substring(0, equals);
            String name = decode(rawName);
            if (name == null) {
                throw new ApiException(HttpStatus.BAD_REQUEST, "The query has a parameter"
                        + " name that is not valid percent-encoded UTF-8: '" + printable(rawName) + "'.");
            }
            if (name.isEmpty()) {
                throw new ApiException(HttpStatus.BAD_REQUEST, "The query has a parameter"
                        + " without a name ('" + printable(pair) + "'): write name=value.");
            }
            String nameProblem = Text.problem(name);
            if (nameProblem != null) {
                throw new ApiException(HttpStatus.BAD_REQUEST,
                        "The query has a parameter name that " + nameProblem + ".");
            }
            if (equals >= 0) {
                String value = decode(pair.substring(equals + 1));
                String problem = value == null ? "is not valid percent-encoded UTF-8" : Text.problem(value);
                if (problem != null) {
                    errors.add(name, problem);
                }
            }
        }
        return errors;
    }

    /** Percent-decoding ({@code +} is a space) into strict UTF-8; null when either fails. */
    static String decode(String encoded) {
        if (encoded.indexOf('%') < 0 && encoded.indexOf('+') < 0) {
            return encoded;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%') {
                int high = i + 2 < encoded.length() ? Character.digit(encoded.charAt(i + 1), 16) : -1;
                int low = high < 0 ? -1 : Character.digit(encoded.charAt(i + 2), 16);
                if (low < 0) {
                    return null;
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else if (c == '+') {
                bytes.write(' ');
            } else {
                byte[] raw = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(raw, 0, raw.length);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static String printable(String raw) {
        String shown = raw.length() > 40 ? raw.substring(0, 40) + "..." : raw;
        return shown.replaceAll("[^\\x20-\\x7e]", "?");
    }
}
