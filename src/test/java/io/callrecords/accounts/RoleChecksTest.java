package io.callrecords.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import io.callrecords.support.Api;
import io.callrecords.support.AppTestSupport;
import io.callrecords.support.TestPersonalKeys;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a role may do through a personal key (directory.md, "People who sign in"; ADR 0022): administration is the
 * admin's (settings changes, API keys, webhooks), and so is feeding calls; supervisors and agents get 403 naming
 * their role. An account key keeps its scopes, whatever they are.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoleChecksTest extends AppTestSupport {

    private static final String WEBHOOK = "{\"url\": \"https://93.184.216.34/hook\", \"events\": [\"call_hangup\"]}";
    private static final String EVENT = """
            [{"id": "r-1", "call_uuid": "6c0ad3f4-79a5-4c1e-9d35-0b4b7f3a5a11", "action": "init",
              "at": "2026-03-26T09:31:32Z", "detail": {"caller": {"number": "+905321234567", "type": "contact"},
              "callee": {"number": "+908502010000", "type": "greeting", "id": 1}}}]""";

    @Autowired
    JdbcClient jdbc;

    String admin;
    String adminPerson;
    String supervisor;
    String agent;

    @BeforeAll
    void people() {
        admin = newAccount("roles");
        TestPersonalKeys people = new TestPersonalKeys(api, jdbc);
        long account = people.accountOf(admin);
        people.user(account, 1, "Ada Admin", "admin");
        people.user(account, 2, "Sam Supervisor", "supervisor");
        people.user(account, 3, "Aga Agent", "agent");
        adminPerson = people.key(admin, 1);
        supervisor = people.key(admin, 2);
        agent = people.key(admin, 3);
    }

    @Test
    void settingsChangesAreTheAdminsOnly() {
        for (String key : new String[] {supervisor, agent}) {
            assertThat(api.get("/api/v3/account/settings", key).status()).isEqualTo(200);
            Api.Response change = api.patch("/api/v3/account/settings", key, "{\"short_abandon_seconds\": 6}");
            assertThat(change.status()).isEqualTo(403);
            assertThat(change.body().path("errors").path("detail").asString()).startsWith("Your role (");
        }
        assertThat(api.patch("/api/v3/account/settings", adminPerson, "{\"short_abandon_seconds\": 6}").status())
                .isEqualTo(200);
        assertThat(jdbc.sql("SELECT user_id FROM account_settings ORDER BY created_at DESC, version DESC LIMIT 1")
                .query(Long.class).single()).as("the version names who wrote it").isEqualTo(1L);
    }

    @Test
    void apiKeysAreTheAdminsOnly() {
        for (String key : new String[] {supervisor, agent}) {
            assertThat(api.get("/api/v3/api-keys", key).status()).isEqualTo(403);
            assertThat(api.post("/api/v3/api-keys", key, "{\"name\": \"mine\"}").status()).isEqualTo(403);
            assertThat(api.delete("/api/v3/api-keys/1", key).status()).isEqualTo(403);
        }
        assertThat(api.get("/api/v3/api-keys", adminPerson).status()).isEqualTo(200);
    }

    @Test
    void webhooksAreTheAdminsOnly() {
        Api.Response made = api.post("/api/v3/webhooks", admin, WEBHOOK);
        assertThat(made.status()).as(made.raw().body()).isEqualTo(201);
        long id = made.data().path("id").asLong();
        for (String key : new String[] {supervisor, agent}) {
            assertThat(api.post("/api/v3/webhooks", key, WEBHOOK).status()).isEqualTo(403);
            assertThat(api.get("/api/v3/webhooks", key).status()).isEqualTo(403);
            assertThat(api.get("/api/v3/webhooks/" + id + "/deliveries", key).status()).isEqualTo(403);
            assertThat(api.post("/api/v3/webhooks/" + id + "/pause", key, "{}").status()).isEqualTo(403);
        }
        assertThat(api.get("/api/v3/webhooks", adminPerson).status()).isEqualTo(200);
        // an account key with read only still reads them, as before
        String reader = newKey(admin, "[\"read\"]")[1];
        assertThat(api.get("/api/v3/webhooks", reader).status()).isEqualTo(200);
    }

    @Test
    void feedingCallsIsAMachinesOrAnAdminsWork() {
        for (String key : new String[] {supervisor, agent}) {
            assertThat(api.post("/api/v3/call-events", key, EVENT).status()).isEqualTo(403);
            assertThat(api.post("/api/v3/calls/import", key, "[]").status()).isEqualTo(403);
        }
        assertThat(api.post("/api/v3/call-events", adminPerson, EVENT).status()).isEqualTo(202);
    }
}
