package io.callrecords.web;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/**
 * The two small forms of a subscription's page that act on its deliveries, as sent (kept to show again with the
 * API's messages): the event a test sends, and the local time since when failed deliveries are queued again.
 */
public record DeliveryToolsForm(String event, String since) {

    static final Set<String> FIELDS = Set.of("event", "since");

    /**
     * How far back "recover" looks unless told otherwise: a delivery fails after its retries of about three days,
     * so a week covers an outage that has just been fixed.
     */
    static final Duration RECOVER_BY_DEFAULT = Duration.ofDays(7);

    /** The test event the API sends by default when the subscription picks it, else the first it picks. */
    static DeliveryToolsForm defaults(List<String> subscribedEvents, Instant now, ZoneId zone) {
        String event = subscribedEvents.contains("call_hangup") || subscribedEvents.isEmpty()
                ? "call_hangup" : subscribedEvents.getFirst();
        return new DeliveryToolsForm(event, LocalDateTimes.inputValue(now.minus(RECOVER_BY_DEFAULT), zone));
    }

    DeliveryToolsForm withEvent(String event) {
        return new DeliveryToolsForm(event == null ? "" : event.strip(), since);
    }

    DeliveryToolsForm withSince(String since) {
        return new DeliveryToolsForm(event, since == null ? "" : since.strip());
    }
}
