package io.callrecords.accounts;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Checks a presented API key behind the {@link AuthenticationThrottle}, for the API and the sign-in form alike. A
 * throttled address is told so without its key being looked at, and a key of an account that this address may not
 * authenticate to now is not accepted either, right or wrong: a guess must learn nothing until the wait is over.
 */
@Component
class ApiKeyAuthentication {

    /** What a presented key comes to. */
    sealed interface Outcome {}

    /** A usable key. */
    record Authenticated(ApiKeys.Authenticated found) implements Outcome {}

    /** An unknown, revoked or expired key, or a personal key of a user who is deleted or inactive. */
    record Refused() implements Outcome {}

    /** Too many failures from this address (for this account): try again after {@code retryAfter}. */
    record Throttled(Duration retryAfter) implements Outcome {}

    private final ApiKeys apiKeys;
    private final ApiKeyCache cache;
    private final AuthenticationThrottle throttle;
    private final Clock clock;

    ApiKeyAuthentication(ApiKeys apiKeys, ApiKeyCache cache, AuthenticationThrottle throttle, Clock clock) {
        this.apiKeys = apiKeys;
        this.cache = cache;
        this.throttle = throttle;
        this.clock = clock;
    }

    Outcome authenticate(String presented, ClientAddress address) {
        Optional<Duration> wait = throttle.lockedFor(address, List.of());
        if (wait.isPresent()) {
            return new Throttled(wait.get());
        }
        byte[] hash = ApiKeySecret.hash(presented);
        Optional<ApiKeys.Authenticated> found = cache.find(hash, () -> apiKeys.findBySecretHash(hash));
        // The account a key was meant for: its own, or for a wrong key that of a key it starts like (the prefix).
        Set<Long> accounts = found.map(f -> Set.of(f.key().accountId()))
                .orElseGet(() -> ApiKeySecret.prefixOf(presented).map(apiKeys::accountsWithPrefix).orElse(Set.of()));
        wait = throttle.lockedFor(address, accounts);
        if (wait.isPresent()) {
            return new Throttled(wait.get());
        }
        // Expiry against the clock at every use: the cache keeps a key past its expiry, never lets it through.
        if (found.isPresent() && found.get().usableAt(clock.instant())) {
            return new Authenticated(found.get());
        }
        throttle.failed(address, accounts);
        return new Refused();
    }
}
