package io.callrecords.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import io.callrecords.support.Api;
import io.callrecords.support.AppTestSupport;
import org.junit.jupiter.api.Test;

class RateLimitTest extends AppTestSupport {

    @Test
    void everyAuthenticatedAnswerCarriesTheLimitAndTheExcessGets429() {
        String key = newAccount("limited", 3);
        String other = newAccount("unaffected", 3);
        long before = System.currentTimeMillis() / 1000;
        for (int i = 1; i <= 3; i++) {
            Api.Response ok = api.get("/api/v3/account/settings", key);
            assertThat(ok.status()).isEqualTo(200);
            assertThat(ok.header("x-ratelimit-limit")).isEqualTo("3");
            assertThat(ok.header("x-ratelimit-remaining")).isEqualTo(Integer.toString(3 - i));
            assertThat(Long.parseLong(ok.header("x-ratelimit-reset"))).isBetween(before, before + 61);
        }
        Api.Response limited = api.get("/api/v3/account/settings", key);
        if (limited.status() == 200) {
            // The minute turned over between the requests: the next three fill the new window.
            api.get("/api/v3/account/settings", key);
            api.get("/api/v3/account/settings", key);
            limited = api.get("/api/v3/account/settings", key);
        }
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.header("content-type")).startsWith("application/json");
        assertThat(limited.body().path("errors").path("detail").asString()).startsWith("Rate limit of 3 requests per minute exceeded");
        assertThat(limited.header("x-ratelimit-remaining")).isEqualTo("0");
        assertThat(Integer.parseInt(limited.header("retry-after"))).isBetween(1, 60);

        assertThat(api.get("/api/v3/account/settings", other).status()).isEqualTo(200);
    }

    @Test
    void theOperatorSetsAnAccountsLimit() {
        newAccount("raise-me", 3);
        Api.Response accounts = api.get("/admin/accounts", OPERATOR_TOKEN);
        long id = accounts.data().get(accounts.data().size() - 1).path("id").asLong();
        Api.Response bad = api.patch("/admin/accounts/" + id, OPERATOR_TOKEN, "{\"rate_limit_per_minute\": 0}");
        assertThat(bad.status()).isEqualTo(422);
        Api.Response raised = api.patch("/admin/accounts/" + id, OPERATOR_TOKEN, "{\"rate_limit_per_minute\": 1000}");
        assertThat(raised.status()).isEqualTo(200);
        assertThat(raised.data().path("rate_limit_per_minute").asInt()).isEqualTo(1000);
        assertThat(api.patch("/admin/accounts/999999", OPERATOR_TOKEN, "{\"rate_limit_per_minute\": 5}").status()).isEqualTo(404);
    }
}
