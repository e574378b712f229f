package io.callrecords.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * People of a test account: users inserted by SQL (the users API is another part's), and their personal keys made
 * through {@code POST /api/v3/api-keys}.
 */
public final class TestPersonalKeys {

    private final Api api;
    private final JdbcClient jdbc;

    public TestPersonalKeys(Api api, JdbcClient jdbc) {
        this.api = api;
        this.jdbc = jdbc;
    }

    /** The account of a key. */
    public long accountOf(String key) {
        return jdbc.sql("SELECT account_id FROM api_keys WHERE secret_hash = sha256(convert_to(:key, 'UTF8'))")
                .param("key", key).query(Long.class).single();
    }

    /** Inserts an active user with this id, name and role into the account. */
    public void user(long accountId, long id, String name, String role) {
        jdbc.sql("INSERT INTO users (account_id, id, name, role) VALUES (:account, :id, :name, :role)")
                .param("account", accountId).param("id", id).param("name", name).param("role", role).update();
    }

    /** A personal key of the user (every scope asked for: the role decides), made with the admin key. */
    public String key(String adminKey, long userId) {
        Api.Response created = api.post("/api/v3/api-keys", adminKey,
                "{\"name\": \"own key\", \"scopes\": [\"read\", \"write\", \"admin\"], \"user_id\": " + userId + "}");
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        return created.data().path("secret").asString();
    }
}
