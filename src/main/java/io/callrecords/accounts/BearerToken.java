package io.callrecords.accounts;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.springframework.http.HttpHeaders;

/**
 * The token of an {@code Authorization: Bearer <token>} header, if one was sent; on the sources' endpoints also the
 * password of an {@code Authorization: Basic} header, the only form a PBX's stock modules can send (FreeSWITCH's
 * {@code cred} is {@code user:password}), the user name being ignored.
 */
final class BearerToken {

    /** Where HTTP Basic with the key as password is taken: what phone systems post, and nothing else. */
    static final String BASIC_PATHS = "/api/v3/sources/";

    private BearerToken() {}

    static Optional<String> of(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        Optional<String> bearer = of(header);
        if (bearer.isPresent() || !request.getRequestURI().startsWith(BASIC_PATHS)) {
            return bearer;
        }
        return basicPassword(header);
    }

    /** The password of {@code Basic base64(user:password)}; empty when absent, malformed or blank. */
    static Optional<String> basicPassword(String header) {
        if (header == null || header.length() < 6 || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        String password = colon < 0 ? "" : decoded.substring(colon + 1).trim();
        return password.isEmpty() ? Optional.empty() : Optional.of(password);
    }

    static Optional<String> of(String header) {
        if (header == null || header.length() < 7 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        String token = header.substring(7).trim();
        return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }
}
