package io.callrecords.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The form that creates an API key, as sent and as the API's body. The expiry is a day: the key works to the end of
 * it in the account's zone (an unreadable day goes to the API as typed, so that its message names the field); no
 * scope checked is an empty list, which the API refuses by name. A user id makes it that person's own key (anything
 * but a whole number goes to the API as typed, which names the field).
 */
public record ApiKeyForm(String name, List<String> scopes, String expiresAt, String userId) {

    static final Set<String> FIELDS = Set.of("name", "scopes", "expires_at", "user_id");

    /** A new form offers what the API gives a key by default. */
    static ApiKeyForm empty() {
        return new ApiKeyForm("", List.of("read", "write"), "", "");
    }

    static ApiKeyForm of(String name, List<String> scopes, String expiresAt, String userId) {
        return new ApiKeyForm(name == null ? "" : name, scopes == null ? List.of() : List.copyOf(scopes),
                expiresAt == null ? "" : expiresAt.strip(), userId == null ? "" : userId.strip());
    }

    public boolean has(String scope) {
        return scopes.contains(scope);
    }

    Map<String, Object> body(ZoneId zone) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("scopes", scopes);
        if (!expiresAt.isEmpty()) {
            body.put("expires_at", endOfDay(expiresAt, zone));
        }
        if (!userId.isEmpty()) {
            body.put("user_id", userId.matches("[0-9]{1,18}") ? (Object) Long.parseLong(userId) : userId);
        }
        return body;
    }

    private static String endOfDay(String day, ZoneId zone) {
        try {
            return LocalDate.parse(day).plusDays(1).atStartOfDay(zone).toOffsetDateTime().toString();
        } catch (DateTimeParseException e) {
            return day;
        }
    }
}
