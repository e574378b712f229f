package io.callrecords.shared;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Holds the query string and form fields of every request, API and pages alike, to {@link Text}'s rule before any
 * guard or controller reads them: a bad value is a 422 naming the parameter, a parameter without a name or with a bad
 * one a 400. JSON bodies are held to the same rule where they are read ({@link JsonTextConfiguration}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10) // after the character encoding filter, before authentication
class RequestTextFilter extends OncePerRequestFilter {

    private final JsonMapper json;

    RequestTextFilter(JsonMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        FieldErrors errors;
        try {
            errors = QueryText.problems(request.getQueryString());
            if (errors.isEmpty() && isForm(request)) {
                errors = formProblems(request);
            }
        } catch (ApiException e) {
            reject(request, response, e.status(), ErrorBodies.detail(e.getMessage()));
            return;
        }
        if (!errors.isEmpty()) {
            reject(request, response, HttpStatus.UNPROCESSABLE_CONTENT, ErrorBodies.fields(errors.asMap()));
            return;
        }
        chain.doFilter(request, response);
    }

    /**
     * Form fields are decoded by the container; what it cannot decode it drops or replaces, so only the rule on the
     * decoded text is checked here (browsers send forms as UTF-8 and never send a NUL a person did not paste).
     */
    private static FieldErrors formProblems(HttpServletRequest request) {
        FieldErrors errors = new FieldErrors();
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            String nameProblem = Text.problem(parameter.getKey());
            if (nameProblem != null) {
                throw new ApiException(HttpStatus.BAD_REQUEST, "The form has a field name that " + nameProblem + ".");
            }
            for (String value : parameter.getValue()) {
                String problem = Text.problem(value);
                if (problem != null) {
                    errors.add(parameter.getKey(), problem);
                }
            }
        }
        return errors;
    }

    private static boolean isForm(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase().startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE);
    }

    /** The API's JSON envelope, or plain words for a person's browser. */
    private void reject(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
                        Map<String, Object> body) throws IOException {
        response.setStatus(status.value());
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (accept != null && accept.contains(MediaType.TEXT_HTML_VALUE)) {
            response.setContentType("text/plain;charset=UTF-8");
            response.getOutputStream().write(("The request was refused: " + json.writeValueAsString(body.get("errors")))
                    .getBytes(StandardCharsets.UTF_8));
            return;
        }
        ErrorBodies.write(response, status, body, json);
    }
}
