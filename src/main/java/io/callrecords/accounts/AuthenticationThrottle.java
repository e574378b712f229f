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
 * Other addresses, the account's other users among them, are not affected. Counted per node, like the rate limit.
 */
@Component
class AuthenticationThrottle {

    private final FailureCounts counts;
    private final int perAddress;
    private final int perAccount;
    private final Clock clock;

    AuthenticationThrottle(CallrecordsProperties properties, Clock clock) {
        CallrecordsProperties.Auth auth = properties.auth();
        this.counts = new FailureCounts(auth.failureWindow());
        this.perAddress = auth.maxFailuresPerAddress();
        this.perAccount = auth.maxFailuresPerAccount();
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

    private static String addressKey(ClientAddress address) {
        return "address " + address.value();
    }

    private static String accountKey(long account, ClientAddress address) {
        return "account " + account + " " + address.value();
    }
}
