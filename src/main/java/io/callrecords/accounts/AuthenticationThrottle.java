package io.callrecords.accounts;

import io.callrecords.shared.CallrecordsProperties;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * Slows down guessing of credentials (ADR 0014): failed authentications are counted per client address and, where a
 * failure shows which account was meant, per account and address. Past {@code max-failures-per-address} an address
 * may not authenticate at all, past {@code max-failures-per-account} not to that account, until the window ends.
 * Other addresses, the account's other users among them, are not affected. Failed password sign-ins also count per
 * email, from every address (ADR 0021): a person's password cannot be guessed from many addresses at once. Counted
 * per node, like the rate limit.
 */
@Component
class AuthenticationThrottle {

    private final FailureCounts counts;
    private final int perAddress;
    private final int perAccount;
    private final int perEmail;
    private final Clock clock;

    AuthenticationThrottle(CallrecordsProperties properties, Clock clock) {
        CallrecordsProperties.Auth auth = properties.auth();
        this.counts = new FailureCounts(auth.failureWindow());
        this.perAddress = auth.maxFailuresPerAddress();
        this.perAccount = auth.maxFailuresPerAccount();
        this.perEmail = auth.maxFailuresPerEmail();
        this.clock = clock;
    }

    /** How long {@code address} must wait before authenticating (to any of {@code accounts}), when it must. */
    Optional<Duration> lockedFor(ClientAddress address, Collection<Long> accounts) {
        long now = clock.millis();
        return Stream.concat(
                        Stream.of(counts.lockedFor(addressKey(address), perAddress, now)),
                        accounts.stream().map(account -> counts.lockedFor(accountKey(account, address), perAccount, now)))
                .flatMap(Optional::stream)
                .max(Comparator.naturalOrder());
    }

    /** A failed authentication from {@code address}, meant for {@code accounts} when known (else empty). */
    void failed(ClientAddress address, Collection<Long> accounts) {
        long now = clock.millis();
        counts.fail(addressKey(address), now);
        accounts.forEach(account -> counts.fail(accountKey(account, address), now));
    }

    /**
     * How long {@code address} must wait before signing in with a password as {@code email} (folded to lower case),
     * when it must: the address's own lock, or the email's, which counts failures from every address.
     */
    Optional<Duration> lockedFor(ClientAddress address, String email) {
        long now = clock.millis();
        return Stream.of(counts.lockedFor(addressKey(address), perAddress, now),
                        counts.lockedFor(emailKey(email), perEmail, now))
                .flatMap(Optional::stream)
                .max(Comparator.naturalOrder());
    }

    /** A failed password sign-in from {@code address} as {@code email}, known or not (the two must not differ). */
    void failed(ClientAddress address, String email) {
        long now = clock.millis();
        counts.fail(addressKey(address), now);
        counts.fail(emailKey(email), now);
    }

    private static String emailKey(String email) {
        return "email " + email;
    }

    private static String addressKey(ClientAddress address) {
        return "address " + address.value();
    }

    private static String accountKey(long account, ClientAddress address) {
        return "account " + account + " " + address.value();
    }
}
