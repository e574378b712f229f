package io.callrecords.shared;

import org.springframework.http.HttpStatus;

/** A failure that answers with {@code {"errors":{"detail": ...}}} and the given status. */
public class ApiException extends RuntimeException {

    private final HttpStatus status;

    public ApiException(HttpStatus status, String detail) {
        super(detail);
        this.status = status;
    }

    public HttpStatus status() {
        return status;
    }

    public static ApiException notFound() {
        return new ApiException(HttpStatus.NOT_FOUND, "Not Found");
    }
}
