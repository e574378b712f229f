package io.callrecords.support;

import java.util.UUID;
import java.util.List;
import java.util.ArrayList;
import java.time.Instant;
import static org.assertj.core.api.Assertions.assertThat;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The real app on a random port against a fresh, migrated database of the test PostgreSQL.
 *
 * <p>Test classes of the same configuration share one app and its database (Spring's test context cache): starting
 * an app costs more than most classes' tests. So a class isolates itself by its own accounts: it creates them, finds
 * its rows by them, and never counts over all accounts or expects an empty table. A class that cannot (it configures
 * the app its own way, counts over every account or the node's metrics, or needs the node's memory fresh) is marked
 * {@link OwnApp}. The throttle of failed authentications counts per client address in the node's memory, and every
 * class's refused keys come from 127.0.0.1: the shared app lets an address fail far more often than the default, and
 * {@code AuthenticationThrottleTest} tests the throttle in an app of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = "callrecords.auth.max-failures-per-address=1000000")
public abstract class AppTestSupport {

    public static final String OPERATOR_TOKEN = "test-operator-token";

    protected int port;

    /** A client of this app, ready as soon as the port is known: in {@code @BeforeAll} methods too. */
    protected Api api;

    @LocalServerPort
    void port(int port) {
        this.port = port;
        this.api = new Api(port);
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String url = TestDatabase.fresh("app");
        registry.add("callrecords.db.url", () -> url);
        registry.add("callrecords.db.user", () -> "postgres");
        registry.add("callrecords.operator-token", () -> OPERATOR_TOKEN);
    }

    /** Creates an account through the operator endpoint and returns its first key (every scope). */
    protected String newAccount(String name) {
        return newAccount(name, 600);
    }

    protected String newAccount(String name, int rateLimitPerMinute) {
        Api.Response created = api.post("/admin/accounts", OPERATOR_TOKEN,
                "{\"name\": \"%s\", \"rate_limit_per_minute\": %d}".formatted(name, rateLimitPerMinute));
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        return created.data().path("api_key").asString();
    }

    /** Creates another key of the account behind {@code adminKey} with the given scopes; returns its id and secret. */
    protected String[] newKey(String adminKey, String scopesJson) {
        Api.Response created = api.post("/api/v3/api-keys", adminKey,
                "{\"name\": \"test\", \"scopes\": " + scopesJson + "}");
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        return new String[] {created.data().path("id").asString(), created.data().path("secret").asString()};
    }

    /** Sends one call's events, each {@link #event} at its second after {@code start}, and returns the call's uuid. */
    protected String sendCall(String apiKey, Instant start, List<String[]> events) {
        String uuid = UUID.randomUUID().toString();
        List<String> json = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            String[] e = events.get(i);
            json.add("{\"id\": \"%s-%d\", \"call_uuid\": \"%s\", \"action\": \"%s\", \"at\": \"%s\", \"detail\": %s}"
                    .formatted(uuid, i, uuid, e[0], start.plusSeconds(Long.parseLong(e[1])), e[2]));
        }
        Api.Response sent = api.post("/api/v3/call-events", apiKey, "[" + String.join(",", json) + "]");
        assertThat(sent.status()).as(sent.raw().body()).isEqualTo(202);
        return uuid;
    }

    /** An event of {@link #sendCall}: its action, its second after the call's start and its detail (JSON). */
    protected static String[] event(String action, int second, String detail) {
        return new String[] {action, Integer.toString(second), detail};
    }
}
