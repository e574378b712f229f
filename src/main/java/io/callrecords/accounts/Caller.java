package io.callrecords.accounts;

import io.callrecords.shared.ApiException;
import java.util.Set;
import org.springframework.http.HttpStatus;

/**
 * The authenticated account behind a request. Controllers take it as a parameter; every query
 * they make is scoped by {@link #accountId()}.
 */
public record Caller(long accountId, long apiKeyId, Set<Scope> scopes) {

    public void require(Scope scope) {
        if (!scopes.contains(scope)) {
            throw new ApiException(HttpStatus.FORBIDDEN, "This API key lacks the '" + scope.wire() + "' scope.");
        }
    }
}
