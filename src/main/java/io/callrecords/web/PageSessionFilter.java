package io.callrecords.web;

import io.callrecords.accounts.PageSession;
import io.callrecords.accounts.PageSessions;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Guards every page: a request without a usable session goes to the sign-in page (an htmx request is told to go
 * there), and a request that changes anything must carry the session's CSRF token, as the form field {@code _csrf}
 * or the header {@code X-CSRF-Token} (htmx sends it, app.js adds it). The session is handed to controllers as the
 * request attribute {@link #SESSION}. Every page also gets headers that keep it from being framed or from loading
 * anything from elsewhere.
 */
class PageSessionFilter extends OncePerRequestFilter {

    static final String SESSION = "callrecords.pageSession";
    static final String COOKIE = "callrecords_session";

    private final PageSessions sessions;

    PageSessionFilter(PageSessions sessions) {
        this.sessions = sessions;
    }

    /**
     * Decided on the path the dispatcher routes (decoded, without path parameters), not on the URI as sent; a URI
     * that is not already that path is refused before this filter (see {@code CanonicalPathFilter}).
     */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !PagePaths.guarded(request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        PagePaths.secureHeaders(response);
        Optional<PageSession> session = Cookies.value(request, COOKIE).flatMap(sessions::find);
        if (session.isEmpty()) {
            String next = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
            String signIn = "/sign-in?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8);
            if (request.getHeader("HX-Request") != null) {
                response.setHeader("HX-Redirect", signIn);
                response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            } else {
                response.sendRedirect(signIn);
            }
            return;
        }
        if (!safe(request.getMethod()) && !tokenMatches(request, session.get().csrfToken())) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN, "The form is stale or was not sent by this site: reload the page and try again.");
            return;
        }
        request.setAttribute(SESSION, session.get());
        chain.doFilter(request, response);
    }

    private static boolean safe(String method) {
        return method.equals("GET") || method.equals("HEAD");
    }

    static boolean tokenMatches(HttpServletRequest request, String expected) {
        String sent = request.getHeader("X-CSRF-Token");
        if (sent == null) {
            sent = request.getParameter("_csrf");
        }
        return sent != null && MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8),
                expected.getBytes(StandardCharsets.UTF_8));
    }
}
