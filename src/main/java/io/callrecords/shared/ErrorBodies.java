package io.callrecords.shared;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/** The Hipcall-compatible error envelope. */
public final class ErrorBodies {

    public static final String AUTHENTICATION_REQUIRED = "Authentication required. Provide an API token.";
    public static final String NOT_AUTHORIZED = "Not authorized. Check your API token is valid and not expired.";

    private ErrorBodies() {}

    /** The answer to an address that failed to authenticate too often (the throttle of ADR 0014). */
    public static String tooManyFailures(long retryAfterSeconds) {
        return "Too many failed authentications from this address. Retry after " + retryAfterSeconds + " seconds.";
    }

    /** Writes an error body from a filter, where no controller advice answers. */
    public static void write(HttpServletResponse response, HttpStatus status, Map<String, Object> body, JsonMapper json)
            throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        json.writeValue(response.getOutputStream(), body);
    }

    public static Map<String, Object> detail(String detail) {
        return Map.of("errors", Map.of("detail", detail));
    }

    public static Map<String, Object> fields(Map<String, List<String>> errors) {
        return Map.of("errors", errors);
    }
}
