package io.callrecords.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import io.callrecords.support.Api;
import io.callrecords.support.AppTestSupport;
import io.callrecords.support.OtherNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An account's limit per minute holds with its requests spread over three app nodes (ADR 0037): never more, and at
 * most a tenth fewer, than the limit; the shared row is written once per batch, not per request.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RateLimitAcrossNodesTest extends AppTestSupport {

    private static final int LIMIT = 300;

    @Autowired
    Environment environment;

    @Autowired
    JdbcClient jdbc;

    private final List<ConfigurableApplicationContext> otherNodes = new ArrayList<>();

    @BeforeAll
    void startTwoMoreNodes() {
        otherNodes.add(OtherNode.start(environment));
        otherNodes.add(OtherNode.start(environment));
    }

    @AfterAll
    void stopThem() {
        otherNodes.forEach(ConfigurableApplicationContext::close);
    }

    @Test
    void aLimitHoldsWithinATenthOverThreeNodes() throws InterruptedException {
        List<Api> nodes = List.of(api, OtherNode.api(otherNodes.get(0)), OtherNode.api(otherNodes.get(1)));
        String key = newAccount("limited over three nodes", LIMIT);
        nodes.forEach(node -> node.get("/api/v3/calls", key)); // every node knows the key; these count too
        waitForAFreshMinute();

        int allowed = 0;
        int refused = 0;
        Set<String> windows = new HashSet<>();
        for (int i = 0; i < LIMIT * 3 / 2; i++) {
            Api.Response answer = nodes.get(i % 3).get("/api/v3/account/settings", key);
            windows.add(answer.header("x-ratelimit-reset"));
            if (answer.status() == 200) {
                allowed++;
            } else {
                assertThat(answer.status()).isEqualTo(429);
                assertThat(answer.header("x-ratelimit-remaining")).isEqualTo("0");
                refused++;
            }
        }
        assertThat(windows).as("all in one minute").hasSize(1);
        System.out.printf("Three nodes, limit %d: %d allowed, %d refused%n", LIMIT, allowed, refused);
        assertThat(allowed).isBetween(LIMIT * 9 / 10, LIMIT);

        long window = Long.parseLong(windows.iterator().next()) - 60;
        int claims = jdbc.sql("""
                        SELECT claimed FROM rate_limit_windows w JOIN api_keys k ON k.account_id = w.account_id
                        WHERE k.secret_hash = :hash AND w.window_start = :window""")
                .param("hash", ApiKeySecret.hash(key)).param("window", window).query(Integer.class).single()
                / (LIMIT / RateLimiter.BATCHES_PER_LIMIT);
        assertThat(claims).as("statements on the shared row, for %d requests", LIMIT * 3 / 2)
                .isLessThanOrEqualTo(RateLimiter.BATCHES_PER_LIMIT + 3);
    }

    @Test
    void aRefusedRequestAfterTheMinutesAllowanceIsAllClaimedAsksNoOne() throws InterruptedException {
        String key = newAccount("exhausted", 2);
        waitForAFreshMinute();
        assertThat(api.get("/api/v3/account/settings", key).status()).isEqualTo(200);
        assertThat(api.get("/api/v3/account/settings", key).status()).isEqualTo(200);
        for (int i = 0; i < 5; i++) {
            assertThat(api.get("/api/v3/account/settings", key).status()).isEqualTo(429);
        }
        int claimed = jdbc.sql("""
                        SELECT max(claimed) FROM rate_limit_windows w JOIN api_keys k ON k.account_id = w.account_id
                        WHERE k.secret_hash = :hash""")
                .param("hash", ApiKeySecret.hash(key)).query(Integer.class).single();
        assertThat(claimed).as("claims, one a request until the allowance was all claimed").isEqualTo(2);
    }

    /** Sleeps, if need be, so that the requests that follow fall in one minute: time itself has to pass. */
    private static void waitForAFreshMinute() throws InterruptedException {
        long second = Instant.now().getEpochSecond() % 60;
        if (second > 30) {
            Thread.sleep((61 - second) * 1000);
        }
    }
}
