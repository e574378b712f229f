package io.callrecords.accounts;

import io.callrecords.shared.ApiException;
import io.callrecords.shared.CallrecordsProperties;
import io.callrecords.shared.ErrorBodies;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Guards {@code /admin/}: the bearer token must equal the configured operator token. A wrong token counts against the
 * client's address in the {@link AuthenticationThrottle}, like a wrong API key: an operator may have chosen a token
 * easier to guess than a key.
 */
@Component
class OperatorToken {

    private final String token;
    private final AuthenticationThrottle throttle;
    private final ClientAddresses clientAddresses;

    OperatorToken(CallrecordsProperties properties, AuthenticationThrottle throttle, ClientAddresses clientAddresses) {
        this.token = properties.operatorToken();
        this.throttle = throttle;
        this.clientAddresses = clientAddresses;
    }

    void check(HttpServletRequest request) {
        if (token == null || token.isBlank()) {
            throw new ApiException(HttpStatus.FORBIDDEN,
                    "Operator endpoints are off: set CALLRECORDS_OPERATOR_TOKEN to use them.");
        }
        String presented = BearerToken.of(request.getHeader(HttpHeaders.AUTHORIZATION))
                .orElseThrow(() -> new ApiException(HttpStatus.UNAUTHORIZED, ErrorBodies.AUTHENTICATION_REQUIRED));
        ClientAddress address = clientAddresses.of(request);
        Optional<Duration> wait = throttle.lockedFor(address, List.of());
        if (wait.isPresent()) {
            throw ApiException.tooManyRequests(ErrorBodies.tooManyFailures(ApiException.retryAfterSeconds(wait.get())),
                    wait.get());
        }
        // Constant time: the comparison must not tell how much of a guess was right.
        if (!MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8))) {
            throttle.failed(address, List.of());
            throw new ApiException(HttpStatus.UNAUTHORIZED, ErrorBodies.NOT_AUTHORIZED);
        }
    }
}
