package io.callrecords.shared;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The first filter of every request: a path that is not canonical ({@link CanonicalPath}) is answered 400 in the
 * JSON error envelope before the page guard, the API-key filter or any controller sees it.
 */
class CanonicalPathFilter extends OncePerRequestFilter {

    private final JsonMapper json;

    CanonicalPathFilter(JsonMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String raw = request.getRequestURI().substring(request.getContextPath().length());
        String routed = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        Optional<String> refusal = CanonicalPath.refusal(raw, routed);
        if (refusal.isPresent()) {
            ErrorBodies.write(response, HttpStatus.BAD_REQUEST,
                    ErrorBodies.detail("The request path is not canonical: " + refusal.get() + "."), json);
            return;
        }
        chain.doFilter(request, response);
    }
}
