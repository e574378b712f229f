package io.callrecords.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import io.callrecords.support.Api;
import io.callrecords.support.AppTestSupport;
import io.callrecords.support.OwnApp;
import io.callrecords.support.RawHttp;
import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.test.context.TestPropertySource;

/**
 * Guessing keys is slowed down: failed authentications (API keys, the sign-in form, the operator token) are counted
 * per client address, and per account and address where the account is known. Each test plays its clients from
 * addresses of its own in 127/8 (the service sees the socket's source address), so tests do not share counts.
 */
@OwnApp // throttle limits of its own, counted in the node's memory
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestPropertySource(properties = {
        "callrecords.auth.max-failures-per-address=6",
        "callrecords.auth.max-failures-per-account=3",
        "callrecords.auth.failure-window=1h",
        "callrecords.auth.trusted-proxies=127.0.0.9"})
class AuthenticationThrottleTest extends AppTestSupport {

    private static final SecureRandom RANDOM = new SecureRandom();

    private String key;

    @BeforeAll
    void account() {
        key = newAccount("throttled");
    }

    @Test
    void anAddressThatFailsTooOftenWaitsWhileOtherAddressesDoNot() {
        for (int i = 0; i < 6; i++) {
            assertThat(settings("127.0.0.3", randomKey()).status()).isEqualTo(401);
        }
        RawHttp.Answer throttled = settings("127.0.0.3", randomKey());
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(Long.parseLong(throttled.headers().get("retry-after"))).isBetween(3500L, 3600L);
        assertThat(detail(throttled)).startsWith("Too many failed authentications from this address. Retry after ");
        assertThat(settings("127.0.0.3", key).status()).as("a right key waits too").isEqualTo(429);

        assertThat(settings("127.0.0.4", key).status()).isEqualTo(200);
        assertThat(settings("127.0.0.4", randomKey()).status()).isEqualTo(401);
    }

    @Test
    void requestsWithoutAKeyAreNotFailedGuesses() {
        for (int i = 0; i < 10; i++) {
            assertThat(RawHttp.sendFrom("127.0.0.12", port, "GET", "/api/v3/account/settings", null).status()).isEqualTo(401);
        }
        assertThat(settings("127.0.0.12", key).status()).isEqualTo(200);
    }

    /**
     * Wrong keys that start like one of the account's keys count against that account from that address: the address
     * may then not sign in to it, with the right key neither, while the account's other users sign in as ever.
     */
    @Test
    void signInFailuresAgainstOneAccountLockThatAccountForThatAddressOnly() {
        String target = newAccount("targeted");
        String prefix = target.substring(0, 11);
        for (int i = 0; i < 3; i++) {
            assertThat(RawHttp.signIn("127.0.0.5", port, prefix + randomKey().substring(11)).status()).isEqualTo(401);
        }
        RawHttp.Answer throttled = RawHttp.signIn("127.0.0.5", port, target);
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(Long.parseLong(throttled.headers().get("retry-after"))).isBetween(3500L, 3600L);
        assertThat(throttled.body()).contains("Too many failed sign-ins from your address. Try again in ");
        assertThat(RawHttp.cookie(throttled, "callrecords_session")).isNull();
        assertThat(settings("127.0.0.5", target).status()).as("the API is the same door").isEqualTo(429);

        assertThat(RawHttp.signIn("127.0.0.6", port, target).status()).as("another address of the account").isEqualTo(302);
        assertThat(RawHttp.signIn("127.0.0.5", port, key).status()).as("another account from that address").isEqualTo(302);
    }

    @Test
    void passwordSignInFailuresCountAgainstTheAddressToo() {
        // Each guess names another email, so that only the address's count can lock.
        for (int i = 0; i < 6; i++) {
            assertThat(RawHttp.signIn("127.0.0.7", port, "nobody-" + i + "@example.com", "a wrong password").status())
                    .isEqualTo(401);
        }
        RawHttp.Answer throttled = RawHttp.signIn("127.0.0.7", port, "someone-else@example.com", "a wrong password");
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.headers()).containsKey("retry-after");
        assertThat(throttled.body()).contains("Too many failed sign-ins from your address or for this email.");
        assertThat(RawHttp.signIn("127.0.0.7", port, key).status()).as("a key from that address waits too").isEqualTo(429);
        assertThat(RawHttp.signIn("127.0.0.8", port, "someone-else@example.com", "a wrong password").status())
                .as("another address").isEqualTo(401);
    }

    @Test
    void aForwardedAddressIsBelievedOnlyFromATrustedProxy() {
        String forwarded = "X-Forwarded-For: 198.51.100.20, 203.0.113.7";
        for (int i = 0; i < 6; i++) {
            assertThat(settings("127.0.0.9", randomKey(), forwarded).status()).isEqualTo(401);
        }
        assertThat(settings("127.0.0.9", key, forwarded).status()).isEqualTo(429);
        assertThat(settings("127.0.0.9", key, "X-Forwarded-For: 203.0.113.8").status()).isEqualTo(200);
        assertThat(settings("127.0.0.10", key, "X-Forwarded-For: 203.0.113.7").status())
                .as("not from the proxy: the header is not believed").isEqualTo(200);

        for (int i = 0; i < 6; i++) {
            assertThat(settings("127.0.0.10", randomKey(), "X-Forwarded-For: 192.0.2." + i).status()).isEqualTo(401);
        }
        assertThat(settings("127.0.0.10", key, "X-Forwarded-For: 192.0.2.99").status())
                .as("a made-up header does not spread the guesses").isEqualTo(429);
    }

    @Test
    void wrongOperatorTokensCountAgainstTheAddressToo() {
        for (int i = 0; i < 6; i++) {
            assertThat(RawHttp.sendFrom("127.0.0.11", port, "GET", "/admin/accounts", null, "Authorization: Bearer guess-" + i)
                    .status()).isEqualTo(401);
        }
        RawHttp.Answer throttled = RawHttp.sendFrom("127.0.0.11", port, "GET", "/admin/accounts", null,
                "Authorization: Bearer " + OPERATOR_TOKEN);
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.headers().get("retry-after")).isNotNull();
        assertThat(detail(throttled)).startsWith("Too many failed authentications from this address.");
    }

    private RawHttp.Answer settings(String from, String apiKey, String... headers) {
        String[] lines = new String[headers.length + 1];
        lines[0] = "Authorization: Bearer " + apiKey;
        System.arraycopy(headers, 0, lines, 1, headers.length);
        return RawHttp.sendFrom(from, port, "GET", "/api/v3/account/settings", null, lines);
    }

    private static String randomKey() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "cr_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String detail(RawHttp.Answer answer) {
        return Api.JSON.readTree(answer.body()).path("errors").path("detail").asString();
    }
}
