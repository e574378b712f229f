package io.callrecords.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import io.callrecords.support.Api;
import io.callrecords.support.AppTestSupport;
import io.callrecords.support.Eventually;
import java.time.Duration;
import io.callrecords.support.PageClient;
import io.callrecords.support.TestPersonalKeys;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A person's own API key: worth no more than their current role, and dead with a deleted or inactive user. */
class PersonalApiKeyTest extends AppTestSupport {

    private static final String NOT_AUTHORIZED =
            "{\"errors\":{\"detail\":\"Not authorized. Check your API token is valid and not expired.\"}}";

    @Autowired
    JdbcClient jdbc;

    TestPersonalKeys people;

    @BeforeEach
    void people() {
        people = new TestPersonalKeys(api, jdbc);
    }

    @Test
    void aKeyIsForALiveActiveUserOfTheAccountOnly() {
        String admin = newAccount("personal keys");
        long account = people.accountOf(admin);
        String other = newAccount("another account");
        long otherAccount = people.accountOf(other);
        people.user(otherAccount, 7, "Someone Else", "agent");
        people.user(account, 8, "Gone Person", "agent");
        jdbc.sql("UPDATE users SET deleted_at = now() WHERE account_id = :a AND id = 8").param("a", account).update();
        people.user(account, 9, "Away Person", "agent");
        jdbc.sql("UPDATE users SET status = 'inactive' WHERE account_id = :a AND id = 9").param("a", account).update();

        for (String userId : new String[] {"7", "8", "9", "\"7\"", "0", "1.5"}) {
            Api.Response refused = api.post("/api/v3/api-keys", admin, "{\"name\": \"k\", \"user_id\": " + userId + "}");
            assertThat(refused.status()).as(userId).isEqualTo(422);
            assertThat(refused.body().path("errors").propertyNames()).as(userId).containsExactly("user_id");
        }
        assertThat(jdbc.sql("SELECT count(*) FROM api_keys WHERE account_id = :a").param("a", account)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theKeysPageMakesAPersonsKey() {
        String admin = newAccount("keys page");
        long account = people.accountOf(admin);
        people.user(account, 31, "Deniz Ak", "supervisor");
        PageClient page = new PageClient(port);
        assertThat(page.signIn(admin)).isEqualTo(302);

        String csrf = PageClient.csrfOf(page.get("/settings/api-keys").body());
        var refused = page.postForm("/settings/api-keys",
                Map.of("_csrf", csrf, "name", "Deniz", "scopes", "read", "user_id", "32"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("is not an active user of this account");

        var made = page.postForm("/settings/api-keys",
                Map.of("_csrf", csrf, "name", "Deniz", "scopes", "read", "user_id", "31"));
        assertThat(made.statusCode()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT user_id FROM api_keys WHERE account_id = :a AND name = 'Deniz'")
                .param("a", account).query(Long.class).list()).containsExactly(31L);
    }

    @Test
    void aKeyActsAsItsUserWithTheirCurrentRole() {
        String admin = newAccount("roles of keys");
        long account = people.accountOf(admin);
        people.user(account, 11, "Ayşe Yılmaz", "admin");
        String key = people.key(admin, 11);

        assertThat(api.get("/api/v3/account/settings", key).status()).isEqualTo(200);
        assertThat(api.get("/api/v3/api-keys", key).status()).isEqualTo(200);

        // a role change counts from the next request on
        jdbc.sql("UPDATE users SET role = 'supervisor' WHERE account_id = :a AND id = 11").param("a", account).update();
        // made in the database, not through the app: it reaches the node's key cache by NOTIFY within a second
        Eventually.within(Duration.ofSeconds(1), "the role change taking effect",
                () -> api.get("/api/v3/api-keys", key).status() == 403);
        Api.Response settings = api.patch("/api/v3/account/settings", key, "{\"short_abandon_seconds\": 5}");
        assertThat(settings.status()).isEqualTo(403);
        assertThat(settings.body().path("errors").path("detail").asString())
                .isEqualTo("Your role (supervisor) does not allow this: it needs the 'admin' scope.");
        assertThat(api.get("/api/v3/api-keys", key).status()).isEqualTo(403);
        assertThat(api.get("/api/v3/calls", key).status()).isEqualTo(200);
    }

    @Test
    void aKeyOfAUserWhoIsDeletedOrInactiveIsRefusedLikeARevokedOne() {
        String admin = newAccount("dead users");
        long account = people.accountOf(admin);
        people.user(account, 21, "Leaving", "supervisor");
        people.user(account, 22, "Resting", "supervisor");
        String leaving = people.key(admin, 21);
        String resting = people.key(admin, 22);
        assertThat(api.get("/api/v3/calls", leaving).status()).isEqualTo(200);
        PageClient page = new PageClient(port);
        assertThat(page.signIn(resting)).isEqualTo(302);
        assertThat(page.get("/calls").statusCode()).isEqualTo(200);

        jdbc.sql("UPDATE users SET deleted_at = now() WHERE account_id = :a AND id = 21").param("a", account).update();
        jdbc.sql("UPDATE users SET status = 'inactive' WHERE account_id = :a AND id = 22").param("a", account).update();
        Eventually.within(Duration.ofSeconds(1), "the user changes taking effect",
                () -> api.get("/api/v3/calls", leaving).status() == 401 && api.get("/api/v3/calls", resting).status() == 401);

        for (String key : new String[] {leaving, resting}) {
            Api.Response refused = api.get("/api/v3/calls", key);
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.raw().body()).isEqualTo(NOT_AUTHORIZED);
        }
        // the open session ends with its user, and no new one opens
        assertThat(page.get("/calls").statusCode()).isEqualTo(302);
        assertThat(new PageClient(port).signIn(leaving)).isNotEqualTo(302);
        // an account key is no person: it keeps working
        assertThat(api.get("/api/v3/calls", admin).status()).isEqualTo(200);
    }
}
