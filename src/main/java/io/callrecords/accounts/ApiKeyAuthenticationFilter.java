package io.callrecords.accounts;

import io.callrecords.shared.ApiException;
import io.callrecords.shared.ErrorBodies;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Authenticates every {@code /api/} request by its bearer key (behind the throttle of failed
 * authentications), applies the account's rate limit, and checks the scope the method needs
 * ({@code read} for GET and HEAD, {@code write} for the rest; controllers ask for {@code admin} themselves).
 */
class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    static final String CALLER_ATTRIBUTE = Caller.class.getName();

    private final ApiKeys apiKeys;
    private final ApiKeyAuthentication authentication;
    private final ClientAddresses clientAddresses;
    private final RateLimiter rateLimiter;
    private final JsonMapper json;
    private final Clock clock;
    /**
     * When this node last recorded each key's use: a key's {@code last_used_at} as read may be older than the cache
     * entry it came with, and the use is recorded once a minute, not on every request of that minute.
     */
    private final ConcurrentHashMap<Long, Instant> recordedUse = new ConcurrentHashMap<>();

    ApiKeyAuthenticationFilter(ApiKeys apiKeys, ApiKeyAuthentication authentication, ClientAddresses clientAddresses,
                               RateLimiter rateLimiter, JsonMapper json, Clock clock) {
        this.apiKeys = apiKeys;
        this.authentication = authentication;
        this.clientAddresses = clientAddresses;
        this.rateLimiter = rateLimiter;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Hipcall's webhook URL carries an unguessable token of its own instead of a key (Hipcall can send neither a header
     * nor a signature): exactly {@code POST /api/v3/sources/hipcall/webhook/<one segment>} passes, and its controller
     * checks the token.
     */
    static final String HIPCALL_WEBHOOK = "/api/v3/sources/hipcall/webhook/";

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return "POST".equals(request.getMethod()) && path.startsWith(HIPCALL_WEBHOOK)
                && path.length() > HIPCALL_WEBHOOK.length() && path.indexOf('/', HIPCALL_WEBHOOK.length()) < 0
                && path.indexOf(';') < 0 && path.indexOf('%') < 0;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> token = BearerToken.of(request);
        if (token.isEmpty()) {
            reject(response, HttpStatus.UNAUTHORIZED, ErrorBodies.AUTHENTICATION_REQUIRED);
            return;
        }
        ApiKeys.Authenticated found;
        switch (authentication.authenticate(token.get(), clientAddresses.of(request))) {
            case ApiKeyAuthentication.Authenticated authenticated -> found = authenticated.found();
            case ApiKeyAuthentication.Refused refused -> {
                reject(response, HttpStatus.UNAUTHORIZED, ErrorBodies.NOT_AUTHORIZED);
                return;
            }
            case ApiKeyAuthentication.Throttled throttled -> {
                long wait = ApiException.retryAfterSeconds(throttled.retryAfter());
                response.setHeader("Retry-After", Long.toString(wait));
                reject(response, HttpStatus.TOO_MANY_REQUESTS, ErrorBodies.tooManyFailures(wait));
                return;
            }
        }
        ApiKey key = found.key();
        RateLimiter.Decision decision = rateLimiter.acquire(key.accountId(), found.rateLimitPerMinute());
        response.setHeader("x-ratelimit-limit", Integer.toString(decision.limit()));
        response.setHeader("x-ratelimit-remaining", Integer.toString(decision.remaining()));
        response.setHeader("x-ratelimit-reset", Long.toString(decision.resetEpochSecond()));
        if (!decision.allowed()) {
            long wait = Math.max(1, decision.resetEpochSecond() - clock.instant().getEpochSecond());
            response.setHeader("Retry-After", Long.toString(wait));
            reject(response, HttpStatus.TOO_MANY_REQUESTS, "Rate limit of " + decision.limit()
                    + " requests per minute exceeded. Retry after " + wait + " seconds.");
            return;
        }
        Caller caller = found.caller();
        Scope needed = switch (request.getMethod()) {
            case "GET", "HEAD", "OPTIONS" -> Scope.READ;
            default -> Scope.WRITE;
        };
        if (!caller.scopes().contains(needed)) {
            reject(response, HttpStatus.FORBIDDEN, caller.userId() == null || !key.scopes().contains(needed)
                    ? "This API key lacks the '" + needed.wire() + "' scope."
                    : "Your role (" + caller.role().wire() + ") does not allow this: it needs the '" + needed.wire()
                            + "' scope.");
            return;
        }
        recordUse(key);
        request.setAttribute(CALLER_ATTRIBUTE, caller);
        chain.doFilter(request, response);
    }

    private void recordUse(ApiKey key) {
        Instant now = clock.instant();
        Instant minuteAgo = now.minusSeconds(60);
        Instant recorded = recordedUse.get(key.id());
        boolean due = (key.lastUsedAt() == null || key.lastUsedAt().isBefore(minuteAgo))
                && (recorded == null || recorded.isBefore(minuteAgo));
        if (due) {
            apiKeys.touch(key.id());
            recordedUse.put(key.id(), now);
        }
    }

    private void reject(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
        ErrorBodies.write(response, status, ErrorBodies.detail(detail), json);
    }
}
