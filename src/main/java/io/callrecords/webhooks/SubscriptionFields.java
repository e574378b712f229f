package io.callrecords.webhooks;

import io.callrecords.shared.OutboundGuard;
import io.callrecords.shared.FieldErrors;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The fields of a subscription as a client sends them, checked all at once: {@code url} (http or
 * https, a host, no credentials, at most {@value #MAX_URL_LENGTH} characters, not an address the
 * SSRF guard refuses), {@code events} (a non-empty subset of the four), {@code description},
 * {@code hangup_waits_for_media} (a boolean) and {@code media_wait_seconds} (1 to {@value #MAX_MEDIA_WAIT_SECONDS}).
 * A field left out is null here; {@code clearDescription} says an explicit null was sent.
 */
record SubscriptionFields(String url, List<String> events, String description, boolean clearDescription,
                          Boolean hangupWaitsForMedia, Integer mediaWaitSeconds) {

    static final int MAX_MEDIA_WAIT_SECONDS = 3600;

    static final int MAX_URL_LENGTH = 2048;
    static final int MAX_DESCRIPTION_LENGTH = 500;

    static SubscriptionFields forCreate(Map<String, Object> body, OutboundGuard guard) {
        FieldErrors errors = new FieldErrors();
        if (!body.containsKey("url")) {
            errors.add("url", "is required");
        }
        if (!body.containsKey("events")) {
            errors.add("events", "is required: a non-empty array of " + String.join(", ", WebhookEvent.WIRE_NAMES));
        }
        SubscriptionFields fields = read(body, guard, errors);
        errors.throwIfAny();
        return fields;
    }

    static SubscriptionFields forUpdate(Map<String, Object> body, OutboundGuard guard) {
        FieldErrors errors = new FieldErrors();
        SubscriptionFields fields = read(body, guard, errors);
        errors.throwIfAny();
        return fields;
    }

    private static SubscriptionFields read(Map<String, Object> body, OutboundGuard guard, FieldErrors errors) {
        String url = body.containsKey("url") ? url(body.get("url"), guard, errors) : null;
        List<String> events = body.containsKey("events") ? events(body.get("events"), errors) : null;
        Object description = body.get("description");
        boolean clear = body.containsKey("description") && description == null;
        if (description != null && !(description instanceof String d && d.length() <= MAX_DESCRIPTION_LENGTH)) {
            errors.add("description", "must be a string of at most " + MAX_DESCRIPTION_LENGTH + " characters");
        }
        Object waits = body.get("hangup_waits_for_media");
        if (body.containsKey("hangup_waits_for_media") && !(waits instanceof Boolean)) {
            errors.add("hangup_waits_for_media", "must be true or false");
        }
        Object wait = body.get("media_wait_seconds");
        boolean wholeSeconds = (wait instanceof Integer || wait instanceof Long)
                && ((Number) wait).longValue() >= 1 && ((Number) wait).longValue() <= MAX_MEDIA_WAIT_SECONDS;
        if (body.containsKey("media_wait_seconds") && !wholeSeconds) {
            errors.add("media_wait_seconds", "must be a whole number of seconds from 1 to " + MAX_MEDIA_WAIT_SECONDS);
        }
        return new SubscriptionFields(url, events, description instanceof String d ? d.strip() : null, clear,
                waits instanceof Boolean b ? b : null, wholeSeconds ? ((Number) wait).intValue() : null);
    }

    private static String url(Object value, OutboundGuard guard, FieldErrors errors) {
        if (!(value instanceof String text) || text.isBlank()) {
            errors.add("url", "must be an http or https URL");
            return null;
        }
        if (text.length() > MAX_URL_LENGTH) {
            errors.add("url", "is longer than " + MAX_URL_LENGTH + " characters");
            return null;
        }
        URI uri;
        try {
            uri = new URI(text.strip());
        } catch (URISyntaxException e) {
            errors.add("url", "is not a valid URL: " + e.getReason());
            return null;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            errors.add("url", "must start with https:// or http://");
        } else if (uri.getHost() == null) {
            errors.add("url", "must name a host");
        } else if (uri.getRawUserInfo() != null) {
            errors.add("url", "must not contain credentials (user:password@); authenticate with the signature instead");
        } else {
            refusedAddress(uri.getHost(), guard).ifPresent(reason -> errors.add("url", reason));
        }
        return uri.toString();
    }

    /**
     * What the guard refuses without asking DNS (an IP literal in a refused range, a host written as a number in
     * another form than a dotted quad) is refused here already; names are checked at every attempt.
     */
    private static Optional<String> refusedAddress(String host, OutboundGuard guard) {
        try {
            guard.checkWithoutResolving(host);
            return Optional.empty();
        } catch (OutboundGuard.Refused e) {
            return Optional.of("is refused: " + e.getMessage());
        }
    }

    private static List<String> events(Object value, FieldErrors errors) {
        String expected = "must be a non-empty array of " + String.join(", ", WebhookEvent.WIRE_NAMES);
        if (!(value instanceof List<?> list) || list.isEmpty()) {
            errors.add("events", expected);
            return null;
        }
        Set<String> events = new LinkedHashSet<>();
        for (Object item : list) {
            if (item instanceof String s && WebhookEvent.fromWire(s).isPresent()) {
                events.add(s);
            } else {
                errors.add("events", item + " is not one of " + String.join(", ", WebhookEvent.WIRE_NAMES));
            }
        }
        return List.copyOf(events);
    }
}
