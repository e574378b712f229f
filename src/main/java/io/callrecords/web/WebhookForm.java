package io.callrecords.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The form that adds a webhook subscription, as sent (kept to show again with the API's messages), and as the API's
 * body: the events are the checked boxes, none checked is an empty list (which the API refuses by name), a blank
 * description is none.
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

    public boolean has(String event) {
        return events.contains(event);
    }

    Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("url", url);
        body.put("events", events);
        if (!description.isEmpty()) {
            body.put("description", description);
        }
        return body;
    }
}
