package io.callrecords.shared;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Maps every failure of the HTTP API to the JSON error envelope, in one place. */
@RestControllerAdvice
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final String retryAfter;
    private final Counter noConnection;

    ApiExceptionHandler(CallrecordsProperties properties, MeterRegistry registry) {
        this.retryAfter = Overload.retryAfter(properties.admission().retryAfter());
        this.noConnection = Overload.shedCounter(registry, "no_connection");
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<Map<String, Object>> api(ApiException e) {
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(e.status());
        if (e.retryAfter() != null) {
            answer.header(HttpHeaders.RETRY_AFTER, Long.toString(ApiException.retryAfterSeconds(e.retryAfter())));
        }
        return answer.body(ErrorBodies.detail(e.getMessage()));
    }

    @ExceptionHandler(ValidationException.class)
    ResponseEntity<Map<String, Object>> validation(ValidationException e) {
        return ResponseEntity.unprocessableContent().body(ErrorBodies.fields(e.errors()));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
        InvalidTextException invalid = InvalidTextException.in(e);
        if (invalid != null) {
            // The items of a bulk body that is a JSON array are its rows (rows[3].name), as the importers name them.
            return validation(invalid.toValidation(invalid.path().startsWith("[") ? "rows" : ""));
        }
        return ResponseEntity.badRequest().body(ErrorBodies.detail("The request body is not valid JSON."));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<Map<String, Object>> missingParameter(MissingServletRequestParameterException e) {
        return ResponseEntity.unprocessableContent()
                .body(ErrorBodies.fields(Map.of(e.getParameterName(), List.of("is required"))));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Map<String, Object>> typeMismatch(MethodArgumentTypeMismatchException e) {
        return ResponseEntity.unprocessableContent()
                .body(ErrorBodies.fields(Map.of(e.getName(), List.of("is invalid"))));
    }

    @ExceptionHandler({NoResourceFoundException.class, NoHandlerFoundException.class})
    ResponseEntity<Map<String, Object>> noResource(Exception e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(ErrorBodies.detail("Not Found"));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Map<String, Object>> method(HttpRequestMethodNotSupportedException e) {
        return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED)
                .body(ErrorBodies.detail("Method " + e.getMethod() + " is not allowed here."));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Map<String, Object>> mediaType(HttpMediaTypeNotSupportedException e) {
        return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
                .body(ErrorBodies.detail("Content type " + e.getContentType() + " is not supported here."));
    }

    /**
     * No database connection within the pool's bounded wait: the service is past its capacity (or its database is
     * out of reach). The transaction that asked for it never began; the client may retry (intake: nothing of the
     * request was stored).
     */
    @ExceptionHandler({CannotGetJdbcConnectionException.class, CannotCreateTransactionException.class})
    ResponseEntity<Map<String, Object>> noConnection(RuntimeException e) {
        if (!Overload.connectionUnavailable(e)) {
            return unexpected(e);
        }
        noConnection.increment();
        log.debug("No database connection in time: {}", e.toString());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, retryAfter)
                .body(Overload.noConnectionBody());
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<Map<String, Object>> missingHeader(MissingRequestHeaderException e) {
        return ResponseEntity.badRequest().body(ErrorBodies.detail("The header " + e.getHeaderName() + " is required here."));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Map<String, Object>> unexpected(Exception e) {
        // Spring MVC's own refusals of a request (a missing part, a bad one) carry their 4xx: they are the client's.
        if (e instanceof ErrorResponse refused && refused.getStatusCode().is4xxClientError()) {
            String detail = refused.getBody().getDetail();
            return ResponseEntity.status(refused.getStatusCode())
                    .body(ErrorBodies.detail(detail == null ? "The request was refused." : detail));
        }
        log.error("Unexpected failure", e);
        return ResponseEntity.internalServerError().body(ErrorBodies.detail("Internal server error."));
    }
}
