package io.callrecords.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The form that adds or changes a webhook subscription, as sent (kept to show again with the API's messages), and as
 * the API's body: the events are the checked boxes, none checked is an empty list (which the API refuses by name), a
 * blank description is none.
 */
public record WebhookForm(String url, List<String> events, String description) {

    static final Set<String> FIELDS = Set.of("url", "events", "description");

    static WebhookForm empty() {
        return new WebhookForm("", List.of(), "");
    }

    static WebhookForm of(String url, List<String> events, String description) {
        return new WebhookForm(url == null ? "" : url.strip(), events == null ? List.of() : List.copyOf(events),
                description == null ? "" : description.strip());
    }

    /** The subscription as it is, to be changed. */
    static WebhookForm of(SubscriptionRow subscription) {
        return of(subscription.url(), subscription.events(), subscription.description());
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
        return body;
    }
}
