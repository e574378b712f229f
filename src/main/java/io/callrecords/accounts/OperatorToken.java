package io.callrecords.accounts;

import io.callrecords.shared.ApiException;
import io.callrecords.shared.CallrecordsProperties;
import io.callrecords.shared.ErrorBodies;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** Guards {@code /admin/}: the bearer token must equal the configured operator token. */
@Component
class OperatorToken {

    private final String token;

    OperatorToken(CallrecordsProperties properties) {
        this.token = properties.operatorToken();
    }

    void check(String authorizationHeader) {
        if (token == null || token.isBlank()) {
            throw new ApiException(HttpStatus.FORBIDDEN,
                    "Operator endpoints are off: set CALLRECORDS_OPERATOR_TOKEN to use them.");
        }
        String presented = BearerToken.of(authorizationHeader)
                .orElseThrow(() -> new ApiException(HttpStatus.UNAUTHORIZED, ErrorBodies.AUTHENTICATION_REQUIRED));
        // Constant time: the comparison must not tell how much of a guess was right.
        if (!MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8))) {
            throw new ApiException(HttpStatus.UNAUTHORIZED, ErrorBodies.NOT_AUTHORIZED);
        }
    }
}
