package io.callrecords.shared;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the service answers when it is past its capacity (ADR 0013): {@code 503} with {@code Retry-After}, in the API's
 * JSON envelope or as a short page. Also tells a failure to get a database connection in time (the pool's bounded
 * wait) from other failures, so that each module's one error mapping answers it as overload, not as a 500.
 */
public final class Overload {

    /** The detail of the API's answer to a request turned away before it did anything. */
    public static final String BUSY = "The service is busy. Nothing was done; retry the request after the time in Retry-After.";
    /** The detail of the API's answer to a request that got no database connection in time. */
    public static final String NO_CONNECTION = "The service is busy: no database connection was free in time."
            + " Retry the request after the time in Retry-After.";

    private static final String PAGE = """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Busy - Callrecords</title></head>
            <body><main><h1>The service is busy</h1>
            <p>Too many requests are being served right now, so this one was not.
            Reload the page in a moment.</p></main></body></html>
            """;

    private Overload() {}

    /**
     * True when {@code failure} (or one of its causes) is a failure to get a database connection: the pool's wait
     * ran out, or the server could not be reached. Nothing ran in a transaction that failed this way.
     */
    public static boolean connectionUnavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof CannotGetJdbcConnectionException) {
                return true;
            }
            if (t instanceof CannotCreateTransactionException && t.getCause() instanceof java.sql.SQLException) {
                return true; // the transaction could not begin: no connection was had
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /** The value of {@code Retry-After}: whole seconds, at least one. */
    public static String retryAfter(Duration wait) {
        return Long.toString(Math.max(1, (wait.toMillis() + 999) / 1000));
    }

    /** Writes the API's answer: {@code 503}, {@code Retry-After} and the JSON error envelope. */
    static void writeJson(HttpServletResponse response, JsonMapper json, Duration retryAfter, String detail)
            throws IOException {
        response.setHeader("Retry-After", retryAfter(retryAfter));
        response.setHeader("Cache-Control", "no-store");
        ErrorBodies.write(response, HttpStatus.SERVICE_UNAVAILABLE, ErrorBodies.detail(detail), json);
    }

    /** Writes the answer for a person: {@code 503}, {@code Retry-After} and a short page saying so. */
    static void writePage(HttpServletResponse response, Duration retryAfter) throws IOException {
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setHeader("Retry-After", retryAfter(retryAfter));
        response.setHeader("Cache-Control", "no-store");
        response.setContentType(MediaType.TEXT_HTML_VALUE + ";charset=UTF-8");
        response.getOutputStream().write(PAGE.getBytes(StandardCharsets.UTF_8));
    }

    /** The counter of requests answered 503 for {@code reason}: {@code callrecords_requests_shed_total{reason}}. */
    public static Counter shedCounter(MeterRegistry registry, String reason) {
        return Counter.builder("callrecords.requests.shed").tag("reason", reason)
                .description("Requests answered 503 because the service was past its capacity").register(registry);
    }

    /** The body of the API's answer to a request that got no database connection in time. */
    public static Map<String, Object> noConnectionBody() {
        return ErrorBodies.detail(NO_CONNECTION);
    }
}
