package io.callrecords.sources.freeswitch;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * Undoes the transport encodings FreeSWITCH's CDR modules use (research §2.1), leaving the CDR itself, JSON or XML:
 * <ul>
 *   <li>{@code application/json} (mod_json_cdr {@code encode=false}) or XML: the body is the CDR;</li>
 *   <li>{@code application/x-www-form-urlencoded} ({@code encode=true}, and mod_xml_cdr): {@code cdr=<url-encoded CDR>};</li>
 *   <li>{@code application/x-www-form-base64-encoded} ({@code encode=base64}): {@code cdr=<base64 CDR>}.</li>
 * </ul>
 * The content type is a hint, not trusted: whichever form the body has is recognised, so a proxy that rewrote the
 * header does not lose a CDR.
 */
final class CdrBody {

    /** What the words of a 400 name: every form tried. */
    static final String ENCODINGS_TRIED = "raw JSON (application/json), raw XML, cdr= form-encoded JSON or XML"
            + " (application/x-www-form-urlencoded) and cdr= base64 JSON or XML (application/x-www-form-base64-encoded)";

    /** A body that is none of the known forms. */
    static final class Unreadable extends RuntimeException {
        Unreadable(String detail) {
            super(detail);
        }
    }

    /** The CDR and the form it came in, for the stored document's content type. */
    record Decoded(String document, String contentType) {}

    private CdrBody() {}

    static Decoded decode(String contentType, byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8).strip();
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (text.isEmpty()) {
            throw new Unreadable("The body is empty; tried " + ENCODINGS_TRIED + ".");
        }
        String document = null;
        if (looksLikeCdr(text)) {
            document = text;
        } else {
            String field = formField(text, "cdr");
            if (field != null) {
                boolean base64 = type.contains("base64");
                document = base64 ? base64(field) : url(field);
                if (document == null || !looksLikeCdr(document)) {
                    // The header can be wrong: try the other form before giving up.
                    String other = base64 ? url(field) : base64(field);
                    document = other != null && looksLikeCdr(other) ? other : null;
                }
            }
        }
        if (document == null) {
            throw new Unreadable("The body is not a FreeSWITCH CDR in any known encoding; tried " + ENCODINGS_TRIED
                    + ".");
        }
        return new Decoded(document, document.startsWith("{") ? "application/json" : "application/xml");
    }

    private static boolean looksLikeCdr(String text) {
        String t = text.strip();
        return (t.startsWith("{") && t.endsWith("}")) || (t.startsWith("<") && t.endsWith(">"));
    }

    /** The value of a form field, still encoded; null when the body has no such field. */
    private static String formField(String body, String name) {
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return pair.substring(eq + 1);
            }
        }
        return null;
    }

    private static String url(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8).strip();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String base64(String value) {
        // A form may carry the base64 text url-encoded too (+ / = as %2B %2F %3D).
        String plain = value.contains("%") ? url(value) : value;
        if (plain == null) {
            return null;
        }
        try {
            return new String(Base64.getMimeDecoder().decode(plain.replace(' ', '+')), StandardCharsets.UTF_8).strip();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
