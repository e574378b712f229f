package io.callrecords.web;

import io.callrecords.shared.ApiException;
import io.callrecords.shared.CallrecordsProperties;
import io.callrecords.shared.Overload;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * A page that fails shows a page, not the API's JSON: "not found" for a call of no account of the session's (or of
 * another account), a plain apology otherwise (logged). Validation errors are shown by the pages themselves, next to
 * their fields.
 */
@ControllerAdvice(basePackageClasses = PageErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrors {

    private static final Logger log = LoggerFactory.getLogger(PageErrors.class);

    private final String retryAfter;
    private final Counter noConnection;

    PageErrors(CallrecordsProperties properties, MeterRegistry registry) {
        this.retryAfter = Overload.retryAfter(properties.admission().retryAfter());
        this.noConnection = Overload.shedCounter(registry, "no_connection");
    }

    @ExceptionHandler(ApiException.class)
    String api(ApiException e, HttpServletResponse response, Model model) {
        response.setStatus(e.status().value());
        model.addAttribute("status", e.status().value());
        model.addAttribute("message", e.status() == HttpStatus.NOT_FOUND
                ? "There is no such page or call in this account." : e.getMessage());
        return "error-page";
    }

    @ExceptionHandler(RuntimeException.class)
    String unexpected(RuntimeException e, HttpServletResponse response, Model model) {
        if (Overload.connectionUnavailable(e)) {
            // Past capacity: the pool's bounded wait ran out before anything was done (ADR 0013).
            noConnection.increment();
            response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
            response.setHeader(HttpHeaders.RETRY_AFTER, retryAfter);
            model.addAttribute("status", HttpStatus.SERVICE_UNAVAILABLE.value());
            model.addAttribute("message", "The service is busy right now. Please try again in a moment.");
            return "error-page";
        }
        log.error("Page failed", e);
        response.setStatus(500);
        model.addAttribute("status", 500);
        model.addAttribute("message", "Something went wrong on our side. Please try again; if it keeps happening,"
                + " the service's log says what.");
        return "error-page";
    }
}
