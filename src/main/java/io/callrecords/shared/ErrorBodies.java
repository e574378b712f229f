package io.callrecords.shared;

import java.util.List;
import java.util.Map;

/** The Hipcall-compatible error envelope. */
public final class ErrorBodies {

    public static final String AUTHENTICATION_REQUIRED = "Authentication required. Provide an API token.";
    public static final String NOT_AUTHORIZED = "Not authorized. Check your API token is valid and not expired.";

    private ErrorBodies() {}

    public static Map<String, Object> detail(String detail) {
        return Map.of("errors", Map.of("detail", detail));
    }

    public static Map<String, Object> fields(Map<String, List<String>> errors) {
        return Map.of("errors", errors);
    }
}
