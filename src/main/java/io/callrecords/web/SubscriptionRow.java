package io.callrecords.web;

import io.callrecords.webhooks.WebhookSubscription;
import java.time.ZoneId;
import java.util.List;

/**
 * A webhook subscription as the pages show it: its state in words (why it is disabled, how long it has been failing),
 * times in the account's zone.
 */
public record SubscriptionRow(long id, String url, List<String> events, String description,
                              boolean hangupWaitsForMedia, int mediaWaitSeconds, String status,
                              String state, String created, String previousSecretUntil) {

    static SubscriptionRow of(WebhookSubscription s, ZoneId zone) {
        return new SubscriptionRow(s.id(), s.url(), s.events(), s.description() == null ? "" : s.description(),
                Boolean.TRUE.equals(s.hangupWaitsForMedia()),
                s.mediaWaitSeconds() == null ? 60 : s.mediaWaitSeconds(),
                s.status(), state(s, zone), CallRow.local(s.createdAt(), zone),
                CallRow.local(s.previousSecretExpiresAt(), zone));
    }

    public boolean paused() {
        return "paused".equals(status);
    }

    public boolean active() {
        return "active".equals(status);
    }

    private static String state(WebhookSubscription s, ZoneId zone) {
        String state = switch (s.status()) {
            case "active" -> "Active";
            case "paused" -> "Paused: deliveries wait until it is resumed";
            case "disabled" -> "Disabled" + (s.disabledReason() == null ? "" : ": " + s.disabledReason())
                    + "; resume it to send again";
            default -> s.status();
        };
        int failures = s.consecutiveFailures();
        if (failures > 0) {
            state += "; " + failures + (failures == 1 ? " failure" : " failures") + " in a row since "
                    + CallRow.local(s.failingSince(), zone);
        }
        if (s.heldUntil() != null) {
            state += "; held until " + CallRow.local(s.heldUntil(), zone);
        }
        return state;
    }
}
