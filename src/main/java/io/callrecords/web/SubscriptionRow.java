package io.callrecords.web;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * A webhook subscription as the pages show it: its state in words (why it is disabled, how long it has been failing),
 * times in the account's zone.
 */
public record SubscriptionRow(long id, String url, List<String> events, String description, String status,
                              String state, String created, String previousSecretUntil) {

    @SuppressWarnings("unchecked")
    static SubscriptionRow of(Map<String, Object> s, ZoneId zone) {
        return new SubscriptionRow(((Number) s.get("id")).longValue(), (String) s.get("url"),
                (List<String>) s.get("events"), s.get("description") == null ? "" : (String) s.get("description"),
                (String) s.get("status"), state(s, zone), CallRow.local((String) s.get("created_at"), zone),
                CallRow.local((String) s.get("previous_secret_expires_at"), zone));
    }

    public boolean paused() {
        return "paused".equals(status);
    }

    public boolean active() {
        return "active".equals(status);
    }

    private static String state(Map<String, Object> s, ZoneId zone) {
        String state = switch ((String) s.get("status")) {
            case "active" -> "Active";
            case "paused" -> "Paused: deliveries wait until it is resumed";
            case "disabled" -> "Disabled" + (s.get("disabled_reason") == null ? "" : ": " + s.get("disabled_reason"))
                    + "; resume it to send again";
            default -> (String) s.get("status");
        };
        int failures = ((Number) s.get("consecutive_failures")).intValue();
        if (failures > 0) {
            state += "; " + failures + (failures == 1 ? " failure" : " failures") + " in a row since "
                    + CallRow.local((String) s.get("failing_since"), zone);
        }
        if (s.get("held_until") != null) {
            state += "; held until " + CallRow.local((String) s.get("held_until"), zone);
        }
        return state;
    }
}
