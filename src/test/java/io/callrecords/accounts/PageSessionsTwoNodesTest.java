package io.callrecords.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import io.callrecords.support.AppTestSupport;
import io.callrecords.support.Eventually;
import io.callrecords.support.OtherNode;
import io.callrecords.support.OwnApp;
import io.callrecords.support.PageClient;
import io.callrecords.support.TestPeople;
import io.callrecords.support.TestPersonalKeys;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two app nodes on one database, each keeping the page sessions it has seen: a browser signed in through node A is
 * served by node B from its memory, and whatever ends the session on one node (a sign-out, a password change, a
 * revoked key, a user made inactive, a change by hand in the database) ends it on the other within a second, and on
 * the node that made it from the next request on; a session past its expiry ends without any notification.
 */
@OwnApp
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PageSessionsTwoNodesTest extends AppTestSupport {

    private static final Duration PROMISE = Duration.ofSeconds(1);

    @Autowired
    Environment environment;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Passwords passwords;

    @Autowired
    PageSessionCache nodeACache;

    private ConfigurableApplicationContext nodeB;
    private int portB;
    private PageSessionCache nodeBCache;
    private TestPeople people;
    private final AtomicLong ids = new AtomicLong(100);

    @BeforeAll
    void startNodeB() {
        nodeB = OtherNode.start(environment);
        portB = nodeB.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
        nodeBCache = nodeB.getBean(PageSessionCache.class);
        people = new TestPeople(jdbc, passwords, api);
    }

    @AfterAll
    void stopNodeB() {
        nodeB.close();
    }

    /** A browser signed in as {@code person} through node A. */
    private PageClient signedInOnA(TestPeople.Person person) {
        PageClient page = new PageClient(port);
        HttpResponse<String> answer = page.signIn(person.email(), person.password());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(302);
        return page;
    }

    /** A browser signed in with an API key through node A. */
    private PageClient signedInOnA(String apiKey) {
        PageClient page = new PageClient(port);
        assertThat(page.signIn(apiKey)).isEqualTo(302);
        return page;
    }

    private static boolean signedIn(PageClient page) {
        return page.get("/live/board").statusCode() == 200;
    }

    /** Both nodes serve the browser's session, node B from its memory after the first request. */
    private byte[] keptByBothNodes(PageClient onA, PageClient onB) {
        assertThat(signedIn(onA)).isTrue();
        assertThat(signedIn(onB)).isTrue();
        assertThat(signedIn(onB)).isTrue();
        byte[] hash = ApiKeySecret.hash(onA.cookie("callrecords_session"));
        assertThat(nodeACache.holds(hash)).as("node A keeps the session").isTrue();
        assertThat(nodeBCache.holds(hash)).as("node B keeps the session").isTrue();
        return hash;
    }

    private TestPeople.Person person(String account, String role) {
        long accountId = new TestPersonalKeys(api, jdbc).accountOf(account);
        return people.person(accountId, ids.incrementAndGet(), "Ayşe Yılmaz " + ids.get(), role);
    }

    @Test
    void aSignOutThroughNodeAEndsTheSessionOnNodeBWithinASecond() {
        TestPeople.Person person = person(newAccount("sign-out across nodes"), "agent");
        PageClient onA = signedInOnA(person);
        PageClient onB = onA.at(portB);
        keptByBothNodes(onA, onB);
        String token = onA.cookie("callrecords_session");

        assertThat(onA.submit("/live", "/sign-out", Map.of()).statusCode()).isEqualTo(302);
        // the same token, sent again as a stolen or stale cookie would be
        PageClient staleOnA = PageClient.withCookie(port, "callrecords_session", token);
        PageClient staleOnB = PageClient.withCookie(portB, "callrecords_session", token);
        assertThat(signedIn(staleOnA)).as("node A, from the next request on").isFalse();
        Eventually.within(PROMISE, "node B ending the signed-out session", () -> !signedIn(staleOnB));
    }

    @Test
    void aPasswordChangedThroughNodeAEndsEveryOtherSessionOnNodeBWithinASecond() {
        TestPeople.Person person = person(newAccount("password across nodes"), "agent");
        PageClient laptop = signedInOnA(person);
        PageClient phoneOnA = signedInOnA(person);
        PageClient phoneOnB = phoneOnA.at(portB);
        keptByBothNodes(phoneOnA, phoneOnB);

        HttpResponse<String> changed = laptop.submit("/account/password", "/account/password",
                Map.of("current_password", person.password(), "new_password", "a new password 12345",
                        "repeat_password", "a new password 12345"));
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(302);
        assertThat(signedIn(phoneOnA)).as("node A, from the next request on").isFalse();
        Eventually.within(PROMISE, "node B ending the session opened before the change", () -> !signedIn(phoneOnB));
        assertThat(signedIn(laptop)).as("the session the change was made in goes on").isTrue();
        assertThat(signedIn(laptop.at(portB))).isTrue();
    }

    @Test
    void aUserMadeInactiveThroughNodeALosesTheirSessionOnNodeBWithinASecond() {
        String admin = newAccount("inactive across nodes");
        TestPeople.Person person = person(admin, "supervisor");
        PageClient onA = signedInOnA(person);
        PageClient onB = onA.at(portB);
        keptByBothNodes(onA, onB);

        assertThat(api.patch("/api/v3/users/" + person.userId(), admin, "{\"status\": \"inactive\"}").status())
                .isEqualTo(200);
        assertThat(signedIn(onA)).as("node A, from the next request on").isFalse();
        Eventually.within(PROMISE, "node B ending the inactive user's session", () -> !signedIn(onB));
    }

    @Test
    void aKeyRevokedThroughNodeAEndsItsSessionOnNodeBWithinASecond() {
        String admin = newAccount("key session across nodes");
        String[] key = newKey(admin, "[\"read\"]");
        PageClient onA = signedInOnA(key[1]);
        PageClient onB = onA.at(portB);
        keptByBothNodes(onA, onB);

        assertThat(api.delete("/api/v3/api-keys/" + key[0], admin).status()).isEqualTo(200);
        assertThat(signedIn(onA)).as("node A, from the next request on").isFalse();
        Eventually.within(PROMISE, "node B ending the revoked key's session", () -> !signedIn(onB));
    }

    @Test
    void aChangeMadeInTheDatabaseReachesBothNodesWithinASecond() {
        TestPeople.Person person = person(newAccount("session by hand"), "agent");
        PageClient onA = signedInOnA(person);
        PageClient onB = onA.at(portB);
        keptByBothNodes(onA, onB);
        assertThat(onB.get("/live").body()).contains(person.name());

        // as an operator would, in psql: no node is told but by the table's trigger
        people.update(person, "name = 'Renamed by hand'");
        Eventually.within(PROMISE, "node A showing the new name", () -> onA.get("/live").body().contains("Renamed by hand"));
        Eventually.within(PROMISE, "node B showing the new name", () -> onB.get("/live").body().contains("Renamed by hand"));

        people.update(person, "password_hash = '" + people.hash("set by hand 12345") + "', password_changed_at = now()");
        Eventually.within(PROMISE, "node A ending the session", () -> !signedIn(onA));
        Eventually.within(PROMISE, "node B ending the session", () -> !signedIn(onB));
    }

    @Test
    void aKeptSessionEndsAtItsExpiryWithoutAnyNotification() throws InterruptedException {
        TestPeople.Person person = person(newAccount("session expiry"), "agent");
        PageClient onA = signedInOnA(person);
        PageClient onB = onA.at(portB);
        byte[] hash = keptByBothNodes(onA, onB);
        // (this change notifies: both nodes read the session again, with its new expiry, and keep it)
        jdbc.sql("UPDATE page_sessions SET expires_at = now() + interval '2 seconds' WHERE token_hash = :hash")
                .param("hash", hash).update();
        Eventually.within(PROMISE, "both nodes dropping the session",
                () -> !nodeACache.holds(hash) && !nodeBCache.holds(hash));
        assertThat(signedIn(onA)).isTrue();
        assertThat(signedIn(onB)).isTrue();
        assertThat(nodeACache.holds(hash) && nodeBCache.holds(hash)).as("both nodes keep it again").isTrue();
        Thread.sleep(2_100);
        assertThat(nodeBCache.holds(hash)).as("nothing dropped it").isTrue();
        assertThat(signedIn(onA)).isFalse();
        assertThat(signedIn(onB)).isFalse();
    }
}
