package io.callrecords.shared;

import java.time.Duration;
import org.springframework.http.HttpStatus;

/**
 * A failure that answers with {@code {"errors":{"detail": ...}}} and the given status, and with {@code Retry-After}
 * when it says when to try again.
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final Duration retryAfter;

    public ApiException(HttpStatus status, String detail) {
        this(status, detail, null);
    }

    private ApiException(HttpStatus status, String detail, Duration retryAfter) {
        super(detail);
        this.status = status;
        this.retryAfter = retryAfter;
    }

    public HttpStatus status() {
        return status;
    }

    /** When to try again, or null. */
    public Duration retryAfter() {
        return retryAfter;
    }

    public static ApiException notFound() {
        return new ApiException(HttpStatus.NOT_FOUND, "Not Found");
    }

    /** 429 with {@code Retry-After} in whole seconds (at least one). */
    public static ApiException tooManyRequests(String detail, Duration retryAfter) {
        return new ApiException(HttpStatus.TOO_MANY_REQUESTS, detail, retryAfter);
    }

    /** Whole seconds, rounded up, at least one: what a {@code Retry-After} header says of {@code wait}. */
    public static long retryAfterSeconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }
}
