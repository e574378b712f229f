package io.callrecords.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import io.callrecords.database.DatabaseChanges;
import io.callrecords.support.Api;
import io.callrecords.support.AppTestSupport;
import io.callrecords.support.Eventually;
import io.callrecords.support.OtherNode;
import io.callrecords.support.OwnApp;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two app nodes on one database, each with its caches of API keys and account settings: what one node or the database
 * changes reaches the other within a second, and a node that may have missed a change forgets what it kept.
 */
@OwnApp // kills its nodes' listening connections
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccountCachesTwoNodesTest extends AppTestSupport {

    private static final String NOT_AUTHORIZED =
            "{\"errors\":{\"detail\":\"Not authorized. Check your API token is valid and not expired.\"}}";
    private static final Duration PROMISE = Duration.ofSeconds(1);

    @Autowired
    Environment environment;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApiKeyCache nodeACache;

    @Autowired
    DatabaseChanges nodeAChanges;

    private ConfigurableApplicationContext nodeB;
    private Api apiB;
    private ApiKeyCache nodeBCache;

    @BeforeAll
    void startNodeB() {
        nodeB = OtherNode.start(environment);
        apiB = OtherNode.api(nodeB);
        nodeBCache = nodeB.getBean(ApiKeyCache.class);
    }

    @AfterAll
    void stopNodeB() {
        nodeB.close();
    }

    @Test
    void aKeyRevokedThroughNodeAIsRefusedByNodeBWithinASecond() {
        String admin = newAccount("revoked across nodes");
        String[] key = newKey(admin, "[\"read\"]");
        byte[] hash = ApiKeySecret.hash(key[1]);
        assertThat(apiB.get("/api/v3/calls", key[1]).status()).isEqualTo(200);
        assertThat(apiB.get("/api/v3/calls", key[1]).status()).isEqualTo(200);
        assertThat(nodeBCache.holds(hash)).as("node B answers the key from its cache").isTrue();

        assertThat(api.delete("/api/v3/api-keys/" + key[0], admin).status()).isEqualTo(200);
        // the node that revoked refuses from the next request on
        Api.Response onA = api.get("/api/v3/calls", key[1]);
        assertThat(onA.status()).isEqualTo(401);
        assertThat(onA.raw().body()).isEqualTo(NOT_AUTHORIZED);

        Duration took = Eventually.within(PROMISE, "node B refusing the revoked key",
                () -> apiB.get("/api/v3/calls", key[1]).status() == 401);
        System.out.println("Node B refused the revoked key after " + took.toMillis() + " ms");
        Api.Response onB = apiB.get("/api/v3/calls", key[1]);
        assertThat(onB.raw().body()).isEqualTo(NOT_AUTHORIZED);
    }

    @Test
    void settingsChangedThroughNodeAReachNodeBWithinASecond() {
        String admin = newAccount("settings across nodes");
        assertThat(apiB.get("/api/v3/account/settings", admin).data().path("short_abandon_seconds").asInt()).isNotEqualTo(7);
        assertThat(api.patch("/api/v3/account/settings", admin, "{\"short_abandon_seconds\": 7}").status()).isEqualTo(200);
        assertThat(api.get("/api/v3/account/settings", admin).data().path("short_abandon_seconds").asInt()).isEqualTo(7);
        Eventually.within(PROMISE, "node B serving the new settings",
                () -> apiB.get("/api/v3/account/settings", admin).data().path("short_abandon_seconds").asInt() == 7);
    }

    @Test
    void aChangeMadeInTheDatabaseReachesBothNodesWithinASecond() {
        String admin = newAccount("limit across nodes", 600);
        assertThat(api.get("/api/v3/calls", admin).header("x-ratelimit-limit")).isEqualTo("600");
        assertThat(apiB.get("/api/v3/calls", admin).header("x-ratelimit-limit")).isEqualTo("600");
        byte[] hash = ApiKeySecret.hash(admin);
        assertThat(nodeACache.holds(hash)).isTrue();
        assertThat(nodeBCache.holds(hash)).isTrue();

        // as an operator would, in psql: no node is told but by the table's trigger
        jdbc.sql("UPDATE accounts SET rate_limit_per_minute = 700 WHERE id = (SELECT account_id FROM api_keys"
                + " WHERE secret_hash = :hash)").param("hash", hash).update();

        Eventually.within(PROMISE, "node A applying the new limit",
                () -> "700".equals(api.get("/api/v3/calls", admin).header("x-ratelimit-limit")));
        Eventually.within(PROMISE, "node B applying the new limit",
                () -> "700".equals(apiB.get("/api/v3/calls", admin).header("x-ratelimit-limit")));
    }

    @Test
    void theWebhookOutboxsWakeUpsOnTheSameConnectionLeaveTheCachesAlone() {
        String admin = newAccount("wake-ups beside caches");
        byte[] hash = ApiKeySecret.hash(admin);
        assertThat(api.get("/api/v3/calls", admin).status()).isEqualTo(200);
        assertThat(nodeACache.holds(hash)).isTrue();
        long listener = listenerPids();

        // as every outbox write does: a NOTIFY on the dispatchers' channel, which names no account
        jdbc.sql("SELECT count(*) FROM (SELECT pg_notify('webhook_deliveries', '')) n").query(Long.class).single();
        jdbc.sql("SELECT count(*) FROM (SELECT pg_notify('api_keys', '')) n").query(Long.class).single();

        Eventually.within(PROMISE, "node A forgetting its keys on a notification of the keys' channel without an account",
                () -> !nodeACache.holds(hash));
        assertThat(nodeAChanges.listening()).isTrue();
        assertThat(listenerPids()).as("the listening connections, not reconnected").isEqualTo(listener);
    }

    /** The sum of the listening connections' backend ids: changes when either node reconnects. */
    private long listenerPids() {
        return jdbc.sql("SELECT coalesce(sum(pid), 0) FROM pg_stat_activity WHERE application_name = :name"
                + " AND datname = current_database()").param("name", DatabaseChanges.APPLICATION_NAME)
                .query(Long.class).single();
    }

    @Test
    void aNodeThatLosesItsListeningConnectionForgetsWhatItKeptAndListensAgain() {
        String admin = newAccount("listener lost");
        String[] key = newKey(admin, "[\"read\"]");
        byte[] hash = ApiKeySecret.hash(key[1]);
        assertThat(apiB.get("/api/v3/calls", key[1]).status()).isEqualTo(200);
        assertThat(nodeBCache.holds(hash)).isTrue();

        // Both nodes' listening connections die; a change made meanwhile notifies no one.
        assertThat(jdbc.sql("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                + " WHERE application_name = :name AND datname = current_database()")
                .param("name", DatabaseChanges.APPLICATION_NAME).query(Long.class).single()).isEqualTo(2);
        jdbc.sql("UPDATE api_keys SET revoked_at = now() WHERE secret_hash = :hash").param("hash", hash).update();

        Eventually.within(PROMISE, "node B refusing the key revoked while it was not listening",
                () -> apiB.get("/api/v3/calls", key[1]).status() == 401);
        assertThat(nodeBCache.holds(hash)).isFalse();

        // listening again, each node caches again
        Eventually.within(Duration.ofSeconds(5), "both nodes listening again",
                () -> nodeAChanges.listening() && nodeB.getBean(DatabaseChanges.class).listening());
        String[] fresh = newKey(admin, "[\"read\"]");
        Eventually.within(Duration.ofSeconds(5), "node B keeping keys again", () -> {
            apiB.get("/api/v3/calls", fresh[1]);
            return nodeBCache.holds(ApiKeySecret.hash(fresh[1]));
        });
    }
}
