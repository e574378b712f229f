package io.callrecords.accounts;

import io.callrecords.shared.FieldErrors;
import java.util.Map;

/** Validation of the account fields operators send. */
final class AccountRequests {

    static final int MAX_RATE_LIMIT = 1_000_000;

    private AccountRequests() {}

    static String name(Map<String, Object> body, FieldErrors errors) {
        if (body.get("name") instanceof String name && !name.isBlank() && name.strip().length() <= 200) {
            return name.strip();
        }
        errors.add("name", "is required: 1 to 200 characters");
        return null;
    }

    static int rateLimit(Object value, int fallback, FieldErrors errors) {
        if (value == null) {
            return fallback;
        }
        if (value instanceof Integer limit && limit > 0 && limit <= MAX_RATE_LIMIT) {
            return limit;
        }
        errors.add("rate_limit_per_minute", "must be a whole number from 1 to " + MAX_RATE_LIMIT);
        return fallback;
    }
}
