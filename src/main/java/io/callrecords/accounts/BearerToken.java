package io.callrecords.accounts;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.springframework.http.HttpHeaders;

/** The token of an {@code Authorization: Bearer <token>} header, if one was sent. */
final class BearerToken {

    private BearerToken() {}

    static Optional<String> of(HttpServletRequest request) {
        return of(request.getHeader(HttpHeaders.AUTHORIZATION));
    }

    static Optional<String> of(String header) {
        if (header == null || header.length() < 7 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        String token = header.substring(7).trim();
        return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }
}
