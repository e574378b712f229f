package io.callrecords.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.callrecords.accounts.Passwords;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * People who sign in, made the way the directory stores them (a {@code users} row with a bcrypt hash), for tests of
 * the sign-in that must not wait for the users API.
 */
public final class TestPeople {

    /** An account of the test app: its id and its first API key (every scope). */
    public record NewAccount(long id, String key) {}

    /** A person who signs in: where, who, and the password they were given. */
    public record Person(long accountId, long userId, String name, String email, String password) {}

    private final JdbcClient db;
    private final Passwords passwords;
    private final Api api;

    public TestPeople(JdbcClient db, Passwords passwords, Api api) {
        this.db = db;
        this.passwords = passwords;
        this.api = api;
    }

    public NewAccount account(String name) {
        Api.Response created = api.post("/admin/accounts", AppTestSupport.OPERATOR_TOKEN, "{\"name\": \"" + name + "\"}");
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        return new NewAccount(created.data().path("id").asLong(), created.data().path("api_key").asString());
    }

    /** An active person with a fresh email (sign-in emails are unique across the service) and password. */
    public Person person(long accountId, long userId, String name, String role) {
        String email = "p-" + UUID.randomUUID().toString().substring(0, 12) + "@Example.COM";
        String password = "pw " + UUID.randomUUID();
        db.sql("""
                        INSERT INTO users (account_id, id, name, email, role, password_hash, password_changed_at)
                        VALUES (:account, :id, :name, :email, :role, :hash, now() - interval '1 minute')""")
                .param("account", accountId).param("id", userId).param("name", name).param("email", email)
                .param("role", role).param("hash", passwords.hash(password)).update();
        return new Person(accountId, userId, name, email, password);
    }

    /** Changes the user row as an administrator's request would (status, deletion, role, password). */
    public void update(Person person, String assignments) {
        db.sql("UPDATE users SET " + assignments + ", updated_at = now() WHERE account_id = :account AND id = :id")
                .param("account", person.accountId()).param("id", person.userId()).update();
    }

    public String hash(String password) {
        return passwords.hash(password);
    }
}
