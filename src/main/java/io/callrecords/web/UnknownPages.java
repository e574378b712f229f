package io.callrecords.web;

import io.callrecords.accounts.PageSession;
import io.callrecords.accounts.PageSessions;
import io.callrecords.shared.ErrorBodies;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.databind.json.JsonMapper;

/**
 * An address nothing answers: a person who typed or followed it gets the site's "not found" page, in the layout
 * (signed in or not); a program, on the API's paths, gets the API's JSON error as before. Runs before the API's own
 * handler of the same exception, which answers JSON for every path.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UnknownPages {

    /** The paths of programs: the API, the operators' API, signed media links, metrics, the OpenAPI document. */
    private static final List<String> MACHINE_PATHS = List.of("/api", "/admin", "/media", "/actuator", "/v3");

    private final PageSessions sessions;
    private final JsonMapper json;

    UnknownPages(PageSessions sessions, JsonMapper json) {
        this.sessions = sessions;
        this.json = json;
    }

    @ExceptionHandler({NoResourceFoundException.class, NoHandlerFoundException.class})
    ModelAndView notFound(Exception e, HttpServletRequest request, HttpServletResponse response) {
        if (forPrograms(request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo()))) {
            return new ModelAndView((model, req, res) ->
                    ErrorBodies.write(res, HttpStatus.NOT_FOUND, ErrorBodies.detail("Not Found"), json));
        }
        PagePaths.secureHeaders(response);
        response.setStatus(HttpStatus.NOT_FOUND.value());
        ModelAndView page = new ModelAndView("error-page", Map.of("status", 404,
                "message", "There is no page at this address. It may have been mistyped, or the link that led here is"
                        + " out of date."));
        // Unguarded addresses have no session attribute: the cookie still says who is signed in, for the header.
        Optional<PageSession> session = request.getAttribute(PageSessionFilter.SESSION) instanceof PageSession s
                ? Optional.of(s) : Cookies.value(request, PageSessionFilter.COOKIE).flatMap(sessions::find);
        session.ifPresent(s -> {
            page.addObject("csrf", s.csrfToken());
            page.addObject("signedIn", SignedIn.of(s));
        });
        return page;
    }

    static boolean forPrograms(String path) {
        return MACHINE_PATHS.stream().anyMatch(p -> path.equals(p) || path.startsWith(p + "/"))
                || path.startsWith("/swagger-ui"); // its page and its folder
    }
}
