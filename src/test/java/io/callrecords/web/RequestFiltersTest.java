package io.callrecords.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.callrecords.support.AppTestSupport;
import io.callrecords.support.RawHttp;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * The filters in front of everything: paths that the guards and the dispatcher could read differently (path
 * parameters, needless percent-encoding, dot segments, doubled slashes) are refused before any guard runs, for pages
 * and API alike, and every answer forbids type sniffing. Sent over a raw socket: java.net.http would normalise some
 * of the paths first.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RequestFiltersTest extends AppTestSupport {

    private String key;

    @BeforeAll
    void account() {
        key = newAccount("paths");
    }

    @Test
    void signingOutThroughAPathWithParametersNeedsTheCsrfTokenLikeAnyChange() {
        String cookie = "Cookie: " + PageSessionFilter.COOKIE + "=" + signedIn();
        for (String target : List.of("/sign-out;x", "/sign-out;jsessionid=1", "/%73ign-out", "/x/../sign-out",
                "//sign-out", "/./sign-out")) {
            RawHttp.Answer answer = RawHttp.send(port, "POST", target, "", cookie,
                    "Content-Type: application/x-www-form-urlencoded");
            assertThat(answer.status()).as(target).isEqualTo(400);
            assertThat(detail(answer)).as(target).startsWith("The request path is not canonical:");
        }
        assertThat(RawHttp.get(port, "/calls", cookie).status()).as("still signed in").isEqualTo(200);
    }

    @Test
    void pagesReachedThroughAnotherSpellingOfTheirPathAreRefusedBeforeTheController() {
        for (String target : List.of("/calls;x=1", "/%63alls", "/calls/..;/calls", "/a/../calls", "/calls/./",
                "/c%61lls", "/x/%2e%2e/calls", "/calls%3Bx", "/%2563alls")) {
            RawHttp.Answer answer = RawHttp.get(port, target);
            assertThat(answer.status()).as(target).isEqualTo(400);
            assertThat(answer.headers().get("content-type")).as(target).startsWith("application/json");
        }
        assertThat(detail(RawHttp.get(port, "/calls;x=1")))
                .isEqualTo("The request path is not canonical: path parameters (';') are not accepted.");
        assertThat(detail(RawHttp.get(port, "/%63alls"))).isEqualTo("The request path is not canonical: characters"
                + " that need no encoding (%63), an encoded '/', '\\', '%' or ';' are not accepted.");
        for (String target : List.of("/settings%2Fwebhooks", "/settings%5Cwebhooks", "/settings\\webhooks",
                "/%2e%2e/calls")) {
            assertThat(RawHttp.get(port, target).status()).as("Tomcat itself refuses " + target).isEqualTo(400);
        }
        assertThat(RawHttp.get(port, "/calls").status()).as("the canonical path still asks for a session").isEqualTo(302);
        assertThat(RawHttp.get(port, "/").status()).isEqualTo(302);
        for (String target : List.of("/sign-in?next=%2Fcalls%3Bx", "/assets/app.js", "/v3/api-docs", "/actuator/health")) {
            assertThat(RawHttp.get(port, target).status()).as(target).isEqualTo(200);
        }
    }

    @Test
    void theApiRefusesTheSameWithAJsonErrorWithOrWithoutAKey() {
        for (String target : List.of("/api/v3/calls;x=1", "/api/v3/%63alls", "/api/v3/x/../calls", "/api//v3/calls",
                "/api/v3/account/settings;a=b")) {
            for (String[] headers : List.of(new String[0], new String[] {"Authorization: Bearer " + key})) {
                RawHttp.Answer answer = RawHttp.get(port, target, headers);
                assertThat(answer.status()).as(target).isEqualTo(400);
                assertThat(detail(answer)).as(target).startsWith("The request path is not canonical:");
                assertThat(answer.headers()).as(target).doesNotContainKey("x-ratelimit-limit");
            }
        }
        assertThat(RawHttp.get(port, "/api/v3/calls", "Authorization: Bearer " + key).status()).isEqualTo(200);
        assertThat(RawHttp.get(port, "/api/v3/calls").status()).isEqualTo(401);
        RawHttp.Answer encodedSpace = RawHttp.get(port, "/api/v3/calls/not%20a%20uuid", "Authorization: Bearer " + key);
        assertThat(detail(encodedSpace)).as("an encoding that is needed is no reason to refuse")
                .doesNotStartWith("The request path is not canonical");
    }

    @Test
    void everyAnswerForbidsTypeSniffingAndPagesKeepTheirPolicy() {
        String cookie = "Cookie: " + PageSessionFilter.COOKIE + "=" + signedIn();
        String bearer = "Authorization: Bearer " + key;
        List<RawHttp.Answer> answers = List.of(RawHttp.get(port, "/api/v3/calls", bearer), RawHttp.get(port, "/api/v3/calls"),
                RawHttp.get(port, "/api/v3/no-such-thing", bearer), RawHttp.get(port, "/calls;x"),
                RawHttp.get(port, "/v3/api-docs"), RawHttp.get(port, "/sign-in"), RawHttp.get(port, "/calls", cookie),
                RawHttp.send(port, "POST", "/settings", "", cookie), RawHttp.get(port, "/actuator/health"),
                RawHttp.get(port, "/assets/app.js"));
        for (RawHttp.Answer answer : answers) {
            assertThat(answer.headers().get("x-content-type-options")).as(answer.status() + " " + answer.body())
                    .isEqualTo("nosniff");
        }
        RawHttp.Answer page = RawHttp.get(port, "/calls", cookie);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.headers().get("content-security-policy")).startsWith("default-src 'self'");
        assertThat(page.headers().get("x-frame-options")).isEqualTo("DENY");
    }

    /** A session cookie of the key, signed in through the form. */
    private String signedIn() {
        RawHttp.Answer signedIn = RawHttp.signIn("127.0.0.1", port, key);
        assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(302);
        return RawHttp.cookie(signedIn, PageSessionFilter.COOKIE);
    }

    private static String detail(RawHttp.Answer answer) {
        JsonNode body = io.callrecords.support.Api.JSON.readTree(answer.body());
        return body.path("errors").path("detail").asString();
    }
}
