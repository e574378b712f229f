package io.callrecords.accounts;

import io.callrecords.shared.ApiException;
import java.util.Set;
import org.springframework.http.HttpStatus;

/**
 * Who is behind a request. Controllers take it as a parameter; every query they make is scoped by
 * {@link #accountId()}, and, for an agent, by {@link #ownCallsOnly()}.
 *
 * @param apiKeyId the API key used (an account key, or a person's own key); null for a person signed in with a
 *                 password
 * @param scopes   what the caller may do: a key's scopes, a person's role's scopes, or both at once for a person's
 *                 own key
 * @param userId   the directory user acting, for a person; null for an account key (a machine)
 * @param role     the person's role; null for an account key
 */
public record Caller(long accountId, Long apiKeyId, Set<Scope> scopes, Long userId, Role role) {

    /** An account's API key: a machine, no person behind it. */
    public Caller(long accountId, long apiKeyId, Set<Scope> scopes) {
        this(accountId, apiKeyId, scopes, null, null);
    }

    public void require(Scope scope) {
        if (!scopes.contains(scope)) {
            throw new ApiException(HttpStatus.FORBIDDEN, userId == null
                    ? "This API key lacks the '" + scope.wire() + "' scope."
                    : "Your role (" + role.wire() + ") does not allow this: it needs the '" + scope.wire() + "' scope.");
        }
    }

    /**
     * The user whose calls alone this caller sees (as answering, calling or callback user): an agent's own id; null
     * for everyone else, who sees every call of the account.
     */
    public Long ownCallsOnly() {
        return role == Role.AGENT ? userId : null;
    }
}
