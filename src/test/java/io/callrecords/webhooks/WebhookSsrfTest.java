package io.callrecords.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import io.callrecords.support.Api;
import io.callrecords.support.AppTestSupport;
import io.callrecords.support.FakeResolver;
import io.callrecords.support.OwnApp;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The SSRF guard at work in the real dispatcher. Names resolve through the test's fake resolver
 * only. Only 127.0.0.2 is allow-listed; a refused name that also resolves to a blocked address
 * lists 127.0.0.2 first, so that even a broken guard could only ever dial loopback.
 */
@OwnApp // an allow-list of its own
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Import(FakeResolver.class)
class WebhookSsrfTest extends AppTestSupport {

    @DynamicPropertySource
    static void onlyOneLoopbackAddressAllowed(DynamicPropertyRegistry registry) {
        registry.add("callrecords.outbound.allowed-hosts", () -> "127.0.0.2");
        registry.add("callrecords.webhooks.poll-interval", () -> "200ms");
        registry.add("callrecords.webhooks.timeout", () -> "1s");
        registry.add("callrecords.webhooks.lease", () -> "3s");
        registry.add("callrecords.webhooks.retry-schedule", () -> "10s");
    }

    private WebhookReceiver loopback;
    private WebhookReceiver allowed;
    private String key;

    @BeforeAll
    void setUp() throws Exception {
        key = newAccount("ssrf");
        loopback = WebhookReceiver.start();
        allowed = WebhookReceiver.start(InetAddress.getByName("127.0.0.2"));
        FakeResolver.NAMES.put("loopback.test", List.of("127.0.0.1"));
        FakeResolver.NAMES.put("ipv6-loopback.test", List.of("::1"));
        FakeResolver.NAMES.put("private.test", List.of("127.0.0.2", "10.1.2.3"));
        FakeResolver.NAMES.put("metadata.test", List.of("127.0.0.2", "169.254.169.254"));
        FakeResolver.NAMES.put("allowed.test", List.of("127.0.0.2"));
        // DNS answers in the IPv6 forms that carry 169.254.169.254 inside them
        FakeResolver.NAMES.put("local-nat64.test", List.of("127.0.0.2", "64:ff9b:1::a9fe:a9fe"));
        FakeResolver.NAMES.put("translated.test", List.of("127.0.0.2", "::ffff:0:a9fe:a9fe"));
        FakeResolver.NAMES.put("teredo.test", List.of("127.0.0.2", "2001:0:4136:e378:8000:63bf:5601:5601"));
    }

    @AfterAll
    void tearDown() {
        loopback.close();
        allowed.close();
    }

    @Test
    void blockedAddressesAreRefusedAtEveryAttemptAndAllowListedOnesGetThrough() {
        long toLoopback = subscribe("http://loopback.test:" + loopback.port() + "/");
        long toIpv6Loopback = subscribe("http://ipv6-loopback.test:" + loopback.port() + "/");
        long toPrivate = subscribe("http://private.test:" + allowed.port() + "/");
        long toMetadata = subscribe("http://metadata.test:" + allowed.port() + "/latest/meta-data");
        long toAllowed = subscribe("http://allowed.test:" + allowed.port() + "/");
        long toLocalNat64 = subscribe("http://local-nat64.test:" + allowed.port() + "/");
        long toTranslated = subscribe("http://translated.test:" + allowed.port() + "/");
        long toTeredo = subscribe("http://teredo.test:" + allowed.port() + "/");
        UUID call = UUID.randomUUID();
        assertThat(api.post("/api/v3/call-events", key, "[" + CallEvents.init(call, Instant.parse("2026-03-26T10:00:00Z")) + "]")
                .status()).isEqualTo(202);

        assertThat(firstError(toLoopback)).isEqualTo("The host loopback.test resolves to 127.0.0.1, a loopback"
                + " address (127.0.0.0/8), which the service may not reach; an operator may allow it with"
                + " CALLRECORDS_OUTBOUND_ALLOWED_HOSTS (callrecords.outbound.allowed-hosts)");
        assertThat(firstError(toIpv6Loopback)).startsWith("The host ipv6-loopback.test resolves to 0:0:0:0:0:0:0:1, a loopback address");
        assertThat(firstError(toPrivate)).startsWith("The host private.test resolves to 10.1.2.3, a private address");
        assertThat(firstError(toMetadata)).startsWith("The host metadata.test resolves to 169.254.169.254, a cloud metadata address");
        assertThat(firstError(toLocalNat64)).startsWith("The host local-nat64.test resolves to 64:ff9b:1:0:0:0:a9fe:a9fe,"
                + " the IPv6 form of a cloud metadata address (169.254.169.254/32): a local-use NAT64 address embedding"
                + " 169.254.169.254, which the service may not reach");
        assertThat(firstError(toTranslated)).contains("IPv4-translated address embedding 169.254.169.254");
        assertThat(firstError(toTeredo)).contains("Teredo address embedding 169.254.169.254");
        assertThat(allowed.received).as("only allow-listed hosts were reached")
                .allSatisfy(r -> assertThat(r.host()).isIn("allowed.test:" + allowed.port(), "127.0.0.2:" + allowed.port()));
        await(() -> allowed.received.size() >= 1);
        assertThat(allowed.received.getFirst().host()).isEqualTo("allowed.test:" + allowed.port());
        assertThat(loopback.received).isEmpty();
        assertThat(firstAttempt(toAllowed).path("http_status").asInt()).isEqualTo(200);
    }

    @Test
    void loopbackLiteralsAreRefusedWhenSubscribing() {
        Api.Response refused = api.post("/api/v3/webhooks", key,
                "{\"url\": \"" + loopback.url("/") + "\", \"events\": [\"call_init\"]}");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body().path("errors").path("url").get(0).asString()).contains("a loopback address");
        assertThat(api.post("/api/v3/webhooks", key, "{\"url\": \"" + allowed.url("/") + "\", \"events\": [\"call_init\"]}")
                .status()).isEqualTo(201);
    }

    /**
     * IPv6 forms of refused addresses, and numbers that other software reads as another address than Java does, are
     * refused when subscribing. Another account: it gets no events, so nothing would be sent even if one slipped in.
     */
    @Test
    void embeddedAndAmbiguousAddressesAreRefusedWhenSubscribing() {
        String other = newAccount("ssrf-literals");
        for (String url : List.of("http://[64:ff9b:1::a9fe:a9fe]/", "http://[::ffff:0:a9fe:a9fe]/",
                "http://[2002:a9fe:a9fe::1]/", "http://[2001:0:4136:e378:8000:63bf:5601:5601]/",
                "http://0177.0.0.1/", "http://2130706433/", "http://0x7f.1/", "http://127.1/", "http://010.0.0.1/")) {
            Api.Response refused = api.post("/api/v3/webhooks", other, "{\"url\": \"" + url + "\", \"events\": [\"call_init\"]}");
            assertThat(refused.status()).as(url).isEqualTo(422);
        }
        Api.Response octal = api.post("/api/v3/webhooks", other, "{\"url\": \"http://0177.0.0.1/\", \"events\": [\"call_init\"]}");
        assertThat(octal.body().path("errors").path("url").get(0).asString())
                .contains("0177.0.0.1").contains("four decimal numbers");
        Api.Response nat64 = api.post("/api/v3/webhooks", other,
                "{\"url\": \"http://[64:ff9b:1::a9fe:a9fe]/\", \"events\": [\"call_init\"]}");
        assertThat(nat64.body().path("errors").path("url").get(0).asString()).contains("cloud metadata address");
        assertThat(api.get("/api/v3/webhooks", other).data().size()).isZero();
    }

    private long subscribe(String url) {
        Api.Response created = api.post("/api/v3/webhooks", key, "{\"url\": \"" + url + "\", \"events\": [\"call_init\"]}");
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        return created.data().path("id").asLong();
    }

    private JsonNode firstAttempt(long subscription) {
        await(() -> api.get("/api/v3/webhooks/" + subscription + "/deliveries", key).data().path(0).path("attempts").size() > 0);
        return api.get("/api/v3/webhooks/" + subscription + "/deliveries", key).data().get(0).path("attempts").get(0);
    }

    private String firstError(long subscription) {
        JsonNode attempt = firstAttempt(subscription);
        assertThat(attempt.path("http_status").isNull()).isTrue();
        return attempt.path("error").asString();
    }

    private static void await(java.util.function.BooleanSupplier condition) {
        WebhookTestSupport.await(Duration.ofSeconds(10), "an attempt", condition);
    }
}
