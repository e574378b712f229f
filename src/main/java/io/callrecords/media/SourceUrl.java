package io.callrecords.media;

import io.callrecords.shared.FieldErrors;
import io.callrecords.shared.OutboundGuard;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code {"source_url": "..."}} form of a media PUT: an absolute http(s) URL without
 * credentials. A host that resolves now to an address the guard refuses is rejected at once; one
 * that does not resolve yet is accepted and retried (the guard checks again on every attempt).
 */
final class SourceUrl {

    static final int MAX_LENGTH = 4096;

    private SourceUrl() {}

    static URI read(Map<String, Object> body, OutboundGuard guard) {
        FieldErrors errors = new FieldErrors();
        Object value = body.get("source_url");
        URI uri = null;
        if (!(value instanceof String text) || text.isBlank()) {
            errors.add("source_url", "is required: the http or https URL to fetch the audio from");
        } else if (text.length() > MAX_LENGTH) {
            errors.add("source_url", "is longer than " + MAX_LENGTH + " characters");
        } else {
            uri = parse(text, errors);
        }
        if (uri != null) {
            try {
                guard.check(uri.getHost());
            } catch (OutboundGuard.Refused e) {
                errors.add("source_url", e.getMessage());
            } catch (UnknownHostException notYet) {
                // may resolve later; every attempt checks again
            }
        }
        errors.throwIfAny();
        return uri;
    }

    private static URI parse(String text, FieldErrors errors) {
        try {
            URI uri = new URI(text.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                errors.add("source_url", "must be an http or https URL");
            } else if (uri.getHost() == null || uri.getHost().isEmpty()) {
                errors.add("source_url", "has no host");
            } else if (uri.getRawUserInfo() != null) {
                errors.add("source_url", "must not carry credentials (user:password@)");
            } else {
                return uri;
            }
        } catch (URISyntaxException e) {
            errors.add("source_url", "is not a valid URL: " + e.getReason());
        }
        return null;
    }
}
