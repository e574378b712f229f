package io.callrecords.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The form that adds or changes a webhook subscription, as sent (kept to show again with the API's messages), and as
 * the API's body: the events are the checked boxes, none checked is an empty list (which the API refuses by name), a
 * blank description is none; the media wait is a checkbox and its seconds, sent as a number when they read as one
 * (else as typed, for the API to name).
 */
public record WebhookForm(String url, List<String> events, String description, boolean hangupWaitsForMedia,
                          String mediaWaitSeconds) {

    static final Set<String> FIELDS = Set.of("url", "events", "description", "hangup_waits_for_media",
            "media_wait_seconds");

    static WebhookForm empty() {
        return new WebhookForm("", List.of(), "", false, "60");
    }

    static WebhookForm of(String url, List<String> events, String description, String hangupWaitsForMedia,
                          String mediaWaitSeconds) {
        return new WebhookForm(url == null ? "" : url.strip(), events == null ? List.of() : List.copyOf(events),
                description == null ? "" : description.strip(), "true".equals(hangupWaitsForMedia),
                mediaWaitSeconds == null || mediaWaitSeconds.isBlank() ? "60" : mediaWaitSeconds.strip());
    }

    /** The subscription as it is, to be changed. */
    static WebhookForm of(SubscriptionRow subscription) {
        return new WebhookForm(subscription.url(), subscription.events(), subscription.description(),
                subscription.hangupWaitsForMedia(), Integer.toString(subscription.mediaWaitSeconds()));
    }

    public boolean has(String event) {
        return events.contains(event);
    }

    /** The body of a create: a blank description is left out. */
    Map<String, Object> body() {
        Map<String, Object> body = changes();
        if (description.isEmpty()) {
            body.remove("description");
        }
        return body;
    }

    /** The body of an update: every field, as the form shows them all; a blank description clears it (null). */
    Map<String, Object> changes() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("url", url);
        body.put("events", events);
        body.put("description", description.isEmpty() ? null : description);
        body.put("hangup_waits_for_media", hangupWaitsForMedia);
        body.put("media_wait_seconds", mediaWaitSeconds.matches("\\d{1,9}") ? (Object) Integer.valueOf(mediaWaitSeconds)
                : mediaWaitSeconds);
        return body;
    }
}
