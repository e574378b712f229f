package io.callrecords.web;

import io.callrecords.shared.ApiException;
import io.callrecords.shared.CallrecordsProperties;
import io.callrecords.shared.Overload;
import io.callrecords.shared.ValidationException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.callrecords.accounts.PageSession;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * A page that fails shows a page, not the API's JSON: "not found" for a call of no account of the session's (or of
 * another account), a page that says what it could not use for a request it cannot take (a hand-made link), a plain
 * apology otherwise (logged). Validation errors of forms are shown by the pages themselves, next to their fields.
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
    String api(ApiException e, HttpServletRequest request, HttpServletResponse response, Model model) {
        if (request.getAttribute(PageSessionFilter.SESSION) instanceof PageSession session) {
            PageModel.header(session, model);
        }
        return refused(response, model, e.status().value(), e.status() == HttpStatus.NOT_FOUND
                ? "There is no such page or call in this account." : e.getMessage());
    }

    /** A value the page's own form checks did not catch (a hand-made link, an export's filters): the client's. */
    @ExceptionHandler(ValidationException.class)
    String invalid(ValidationException e, HttpServletResponse response, Model model) {
        return refused(response, model, 422, "This page cannot use " + e.errors().entrySet().stream()
                .map(f -> f.getKey() + " (" + String.join("; ", f.getValue()) + ")")
                .collect(Collectors.joining(", ")) + ".");
    }

    @ExceptionHandler(TypeMismatchException.class)
    String mismatch(TypeMismatchException e, HttpServletResponse response, Model model) {
        String name = e instanceof MethodArgumentTypeMismatchException m ? m.getName() : e.getPropertyName();
        return refused(response, model, 400, "This page cannot use the value '" + e.getValue() + "' of " + name + ".");
    }

    @ExceptionHandler(RuntimeException.class)
    String unexpected(RuntimeException e, HttpServletResponse response, Model model) {
        if (Overload.connectionUnavailable(e)) {
            // Past capacity: the pool's bounded wait ran out (ADR 0013).
            noConnection.increment();
            response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
            response.setHeader(HttpHeaders.RETRY_AFTER, retryAfter);
            model.addAttribute("status", HttpStatus.SERVICE_UNAVAILABLE.value());
            model.addAttribute("message", "The service is busy right now. Please try again in a moment.");
            return "error-page";
        }
        if (e instanceof ErrorResponse refused && refused.getStatusCode().is4xxClientError()) {
            String detail = refused.getBody().getDetail();
            return refused(response, model, refused.getStatusCode().value(),
                    detail == null ? "This page cannot answer that request." : detail);
        }
        log.error("Page failed", e);
        response.setStatus(500);
        model.addAttribute("status", 500);
        model.addAttribute("message", "Something went wrong on our side. Please try again; if it keeps happening,"
                + " the service's log says what.");
        return "error-page";
    }

    private static String refused(HttpServletResponse response, Model model, int status, String message) {
        response.setStatus(status);
        model.addAttribute("status", status);
        model.addAttribute("message", message);
        return "error-page";
    }
}
