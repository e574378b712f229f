package io.callrecords.shared;

import java.util.List;
import java.util.Map;

/** The Hipcall-compatible error envelope. */
public final class ErrorBodies {

    public static final String AUTHENTICATION_REQUIRED = "Authentication required. Provide an API token.";
    public static final String NOT_AUTHORIZED = "Not authorized. Check your API token is valid and not expired.";

    private ErrorBodies() {}

    /** The answer to an address that failed to authenticate too often (the throttle of ADR 0012). */
    public static String tooManyFailures(long retryAfterSeconds) {
        return "Too many failed authentications from this address. Retry after " + retryAfterSeconds + " seconds.";
    }

    public static Map<String, Object> detail(String detail) {
        return Map.of("errors", Map.of("detail", detail));
    }

    public static Map<String, Object> fields(Map<String, List<String>> errors) {
        return Map.of("errors", errors);
    }
}
