package io.callrecords.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import io.callrecords.support.Api;
import io.callrecords.support.AppTestSupport;
import io.callrecords.support.Eventually;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class AuthenticationTest extends AppTestSupport {

    private static final String REQUIRED = "{\"errors\":{\"detail\":\"Authentication required. Provide an API token.\"}}";
    private static final String NOT_AUTHORIZED =
            "{\"errors\":{\"detail\":\"Not authorized. Check your API token is valid and not expired.\"}}";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApiKeyCache cache;

    @Test
    void missingKeyAnswersAuthenticationRequired() {
        Api.Response response = api.get("/api/v3/account/settings", null);
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.raw().body()).isEqualTo(REQUIRED);
        assertThat(response.header("content-type")).startsWith("application/json");
    }

    @Test
    void aHeaderThatIsNotBearerCountsAsMissing() {
        Api.Response response = api.send(api.request("/api/v3/account/settings", null).header("Authorization", "Basic Zm9vOmJhcg=="));
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.raw().body()).isEqualTo(REQUIRED);
    }

    @Test
    void unknownKeyIsNotAuthorized() {
        Api.Response response = api.get("/api/v3/account/settings", "cr_thisKeyDoesNotExist");
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.raw().body()).isEqualTo(NOT_AUTHORIZED);
    }

    @Test
    void revokedKeyIsNotAuthorized() {
        String admin = newAccount("revocation");
        String[] key = newKey(admin, "[\"read\"]");
        assertThat(api.get("/api/v3/account/settings", key[1]).status()).isEqualTo(200);

        Api.Response revoked = api.delete("/api/v3/api-keys/" + key[0], admin);
        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.data().path("revoked_at").isNull()).isFalse();

        Api.Response response = api.get("/api/v3/account/settings", key[1]);
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.raw().body()).isEqualTo(NOT_AUTHORIZED);
    }

    @Test
    void expiredKeyIsNotAuthorized() {
        String admin = newAccount("expiry");
        Api.Response created = api.post("/api/v3/api-keys", admin,
                "{\"name\": \"short-lived\", \"scopes\": [\"read\"], \"expires_at\": \"2099-01-01T00:00:00+03:00\"}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.data().path("expires_at").asString()).isEqualTo("2098-12-31T21:00:00Z");
        String secret = created.data().path("secret").asString();
        assertThat(api.get("/api/v3/account/settings", secret).status()).isEqualTo(200);

        jdbc.sql("UPDATE api_keys SET expires_at = now() - interval '1 second' WHERE id = :id")
                .param("id", created.data().path("id").asLong()).update();

        // A change made in the database, not through the app, reaches the node's key cache by NOTIFY within a second.
        Eventually.within(Duration.ofSeconds(1), "the changed expiry taking effect",
                () -> api.get("/api/v3/account/settings", secret).status() == 401);
        Api.Response response = api.get("/api/v3/account/settings", secret);
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.raw().body()).isEqualTo(NOT_AUTHORIZED);
    }

    @Test
    void aKeyExpiresAtItsTimeThoughTheNodeKeepsIt() throws InterruptedException {
        String admin = newAccount("expiry by the clock");
        Instant expires = Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        Api.Response created = api.post("/api/v3/api-keys", admin,
                "{\"name\": \"soon gone\", \"scopes\": [\"read\"], \"expires_at\": \"" + expires + "\"}");
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        String secret = created.data().path("secret").asString();
        assertThat(api.get("/api/v3/account/settings", secret).status()).isEqualTo(200);
        assertThat(cache.holds(ApiKeySecret.hash(secret))).isTrue();

        Thread.sleep(Math.max(0, Duration.between(Instant.now(), expires).toMillis() + 50));

        // nothing changed in the database: the kept key is checked against the clock
        Api.Response response = api.get("/api/v3/account/settings", secret);
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.raw().body()).isEqualTo(NOT_AUTHORIZED);
    }

    @Test
    void keysNeedTheScopeOfWhatTheyDo() {
        String admin = newAccount("scopes");
        String reader = newKey(admin, "[\"read\"]")[1];
        String writer = newKey(admin, "[\"read\", \"write\"]")[1];

        assertThat(api.get("/api/v3/account/settings", reader).status()).isEqualTo(200);
        Api.Response readerPatch = api.patch("/api/v3/account/settings", reader, "{\"short_abandon_seconds\": 5}");
        assertThat(readerPatch.status()).isEqualTo(403);
        assertThat(readerPatch.body().path("errors").path("detail").asString()).contains("'write' scope");

        Api.Response writerPatch = api.patch("/api/v3/account/settings", writer, "{\"short_abandon_seconds\": 5}");
        assertThat(writerPatch.status()).isEqualTo(403);
        assertThat(writerPatch.body().path("errors").path("detail").asString()).contains("'admin' scope");

        assertThat(api.get("/api/v3/api-keys", writer).status()).isEqualTo(403);
    }

    @Test
    void aKeyCannotGrantScopesItLacks() {
        String admin = newAccount("grants");
        String[] adminOnly = newKey(admin, "[\"admin\", \"write\"]");
        Api.Response response = api.post("/api/v3/api-keys", adminOnly[1], "{\"name\": \"x\", \"scopes\": [\"read\"]}");
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.body().path("errors").path("scopes").get(0).asString()).contains("cannot grant read");
    }

    @Test
    void keysAreListedWithoutSecretsAndWithLastUse() {
        String admin = newAccount("listing");
        Api.Response bad = api.post("/api/v3/api-keys", admin, "{\"scopes\": [\"root\"], \"expires_at\": \"tomorrow\"}");
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.body().path("errors").propertyNames()).containsExactlyInAnyOrder("name", "scopes", "expires_at");

        Api.Response list = api.get("/api/v3/api-keys", admin);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.data().size()).isEqualTo(1);
        assertThat(list.data().get(0).has("secret")).isFalse();
        assertThat(list.data().get(0).path("prefix").asString()).startsWith("cr_").hasSize(11);
        assertThat(list.data().get(0).path("scopes").toString()).isEqualTo("[\"read\",\"write\",\"admin\"]");
        assertThat(list.data().get(0).path("last_used_at").isNull()).isFalse();
        byte[] stored = jdbc.sql("SELECT secret_hash FROM api_keys WHERE account_id = (SELECT max(id) FROM accounts)")
                .query(byte[].class).single();
        assertThat(stored).hasSize(32);
    }

    /** The key's wire shape, exactly: its fields in this order, absent times as nulls, times to the second in UTC. */
    @Test
    void keysAnswerTheirFieldsInOrderWithNullsPresent() {
        String admin = newAccount("key shape");
        Api.Response created = api.post("/api/v3/api-keys", admin, "{\"name\": \"CRM sync\", \"scopes\": [\"read\"]}");
        assertThat(created.status()).isEqualTo(201);
        String id = created.data().path("id").asString();
        String secret = created.data().path("secret").asString();
        String createdAt = created.data().path("created_at").asString();
        assertThat(createdAt).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        String prefix = secret.substring(0, 11);
        assertThat(created.raw().body()).isEqualTo("{\"data\":{\"id\":" + id + ",\"name\":\"CRM sync\",\"prefix\":\""
                + prefix + "\",\"scopes\":[\"read\"],\"expires_at\":null,\"revoked_at\":null,\"last_used_at\":null,"
                + "\"created_at\":\"" + createdAt + "\",\"secret\":\"" + secret + "\"}}");

        Api.Response revoked = api.delete("/api/v3/api-keys/" + id, admin);
        String revokedAt = revoked.data().path("revoked_at").asString();
        assertThat(revoked.raw().body()).isEqualTo("{\"data\":{\"id\":" + id + ",\"name\":\"CRM sync\",\"prefix\":\""
                + prefix + "\",\"scopes\":[\"read\"],\"expires_at\":null,\"revoked_at\":\"" + revokedAt + "\","
                + "\"last_used_at\":null,\"created_at\":\"" + createdAt + "\"}}");

        Api.Response list = api.get("/api/v3/api-keys", admin);
        assertThat(list.raw().body()).startsWith("{\"data\":[{\"id\":").endsWith("]}")
                .contains("{\"id\":" + id + ",\"name\":\"CRM sync\",\"prefix\":\"" + prefix + "\",\"scopes\":[\"read\"],"
                        + "\"expires_at\":null,\"revoked_at\":\"" + revokedAt + "\",\"last_used_at\":null,"
                        + "\"created_at\":\"" + createdAt + "\"}");
    }
}
