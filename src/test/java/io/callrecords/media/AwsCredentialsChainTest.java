package io.callrecords.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * AWS's default credentials chain as far as the service follows it: each source on its own, the order, the refresh
 * before expiry, and the error when nothing gives credentials. The environment and system properties are maps here;
 * the container and instance metadata services are a stand-in server on loopback, reached through the endpoint
 * overrides (never 169.254.x.x).
 */
class AwsCredentialsChainTest {

    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

    private final Map<String, String> environment = new HashMap<>();
    private final Map<String, String> systemProperties = new HashMap<>();
    private final MovableClock clock = new MovableClock(NOW);
    private final List<String> requests = new CopyOnWriteArrayList<>();
    /** The JSON the container endpoint and the instance role answer with, or null for a 500. */
    private final AtomicReference<String> credentialsAnswer = new AtomicReference<>();
    private HttpServer server;
    private String base;
    @TempDir
    Path home;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::serve);
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        environment.put("HOME", home.toString()); // never the real ~/.aws
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    /** The container endpoint at /container, and IMDSv2 under /latest, which wants its token on every read. */
    private void serve(HttpExchange exchange) throws IOException {
        var headers = exchange.getRequestHeaders();
        String path = exchange.getRequestURI().getPath();
        requests.add(exchange.getRequestMethod() + " " + path);
        String body;
        int status = 200;
        if (path.equals("/container")) {
            body = credentialsAnswer.get();
            if (!"Bearer pod-token".equals(headers.getFirst("Authorization"))) {
                status = 401;
            }
        } else if (exchange.getRequestMethod().equals("PUT") && path.equals("/latest/api/token")) {
            body = "imds-token";
            if (!"21600".equals(headers.getFirst("X-aws-ec2-metadata-token-ttl-seconds"))) {
                status = 400;
            }
        } else if (!"imds-token".equals(headers.getFirst("X-aws-ec2-metadata-token"))) {
            body = "";
            status = 401;
        } else if (path.equals("/latest/meta-data/iam/security-credentials/")) {
            body = "service-role\n";
        } else if (path.equals("/latest/meta-data/iam/security-credentials/service-role")) {
            body = credentialsAnswer.get();
        } else {
            body = "";
            status = 404;
        }
        if (body == null) {
            body = "";
            status = 500;
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    private AwsCredentialsChain chain() {
        return new AwsCredentialsChain(environment::get, systemProperties::get, clock);
    }

    private static String roleAnswer(String key, Instant expiration) {
        return """
                {"Code": "Success", "Type": "AWS-HMAC", "AccessKeyId": "%s", "SecretAccessKey": "secret-of-%s",
                 "Token": "token-of-%s", "Expiration": "%s"}""".formatted(key, key, key, expiration);
    }

    private void credentialsFile(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private void everySource() throws IOException {
        systemProperties.put("aws.accessKeyId", "from-properties");
        systemProperties.put("aws.secretAccessKey", "secret-p");
        environment.put("AWS_ACCESS_KEY_ID", "from-environment");
        environment.put("AWS_SECRET_ACCESS_KEY", "secret-e");
        credentialsFile(home.resolve(".aws/credentials"), "[default]\naws_access_key_id = from-file\naws_secret_access_key = secret-f\n");
        environment.put("AWS_CONTAINER_CREDENTIALS_FULL_URI", base + "/container");
        environment.put("AWS_CONTAINER_AUTHORIZATION_TOKEN", "Bearer pod-token");
        environment.put("AWS_EC2_METADATA_SERVICE_ENDPOINT", base);
        credentialsAnswer.set(roleAnswer("from-metadata", NOW.plus(Duration.ofHours(6))));
    }

    @Test
    void systemPropertiesWithASessionToken() {
        systemProperties.put("aws.accessKeyId", "AKIDPROP");
        systemProperties.put("aws.secretAccessKey", "prop-secret");
        systemProperties.put("aws.sessionToken", "prop-token");

        assertThat(chain().get()).isEqualTo(new S3Signer.Credentials("AKIDPROP", "prop-secret", "prop-token"));
    }

    @Test
    void environment() {
        environment.put("AWS_ACCESS_KEY_ID", "AKIDENV");
        environment.put("AWS_SECRET_ACCESS_KEY", "env-secret");

        assertThat(chain().get()).isEqualTo(new S3Signer.Credentials("AKIDENV", "env-secret", null));
    }

    @Test
    void theDefaultProfileOfTheCredentialsFileInTheHomeDirectory() throws IOException {
        credentialsFile(home.resolve(".aws/credentials"), """
                # keys of this machine
                [other]
                aws_access_key_id = AKIDOTHER
                aws_secret_access_key = other-secret

                [default]
                aws_access_key_id=AKIDFILE
                ; a comment
                aws_secret_access_key = file-secret
                aws_session_token = file-token
                """);

        assertThat(chain().get()).isEqualTo(new S3Signer.Credentials("AKIDFILE", "file-secret", "file-token"));
    }

    @Test
    void aCredentialsFileAndProfileNamedInTheEnvironment() throws IOException {
        credentialsFile(home.resolve("elsewhere/keys"), """
                [default]
                aws_access_key_id = AKIDDEFAULT
                aws_secret_access_key = default-secret
                [media]
                aws_access_key_id = AKIDMEDIA
                aws_secret_access_key = media-secret
                """);
        environment.put("AWS_SHARED_CREDENTIALS_FILE", "~/elsewhere/keys");
        environment.put("AWS_PROFILE", "media");

        assertThat(chain().get()).isEqualTo(new S3Signer.Credentials("AKIDMEDIA", "media-secret", null));
    }

    @Test
    void theContainerEndpointWithItsAuthorizationToken() {
        environment.put("AWS_CONTAINER_CREDENTIALS_FULL_URI", base + "/container");
        environment.put("AWS_CONTAINER_AUTHORIZATION_TOKEN", "Bearer pod-token");
        credentialsAnswer.set(roleAnswer("AKIDTASK", NOW.plus(Duration.ofHours(1))));

        assertThat(chain().get()).isEqualTo(new S3Signer.Credentials("AKIDTASK", "secret-of-AKIDTASK", "token-of-AKIDTASK"));
        assertThat(requests).containsExactly("GET /container");
    }

    @Test
    void theContainerAuthorizationTokenFromItsFile() throws IOException {
        environment.put("AWS_CONTAINER_CREDENTIALS_FULL_URI", base + "/container");
        environment.put("AWS_CONTAINER_AUTHORIZATION_TOKEN", "Bearer stale");
        environment.put("AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE",
                Files.writeString(home.resolve("token"), "Bearer pod-token\n").toString());
        credentialsAnswer.set(roleAnswer("AKIDPOD", NOW.plus(Duration.ofHours(1))));

        assertThat(chain().get().accessKey()).isEqualTo("AKIDPOD");
    }

    @Test
    void aContainerEndpointOverPlainHttpElsewhereThanLoopbackIsNotAsked() {
        environment.put("AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://192.0.2.10/container");
        environment.put("AWS_EC2_METADATA_DISABLED", "true");

        assertThatThrownBy(() -> chain().get())
                .hasMessageContaining("container endpoint http://192.0.2.10/container: over http only to loopback");
    }

    @Test
    void theInstanceRoleByImdsV2() {
        environment.put("AWS_EC2_METADATA_SERVICE_ENDPOINT", base + "/");
        credentialsAnswer.set(roleAnswer("AKIDINSTANCE", NOW.plus(Duration.ofHours(6))));

        assertThat(chain().get())
                .isEqualTo(new S3Signer.Credentials("AKIDINSTANCE", "secret-of-AKIDINSTANCE", "token-of-AKIDINSTANCE"));
        assertThat(requests).containsExactly("PUT /latest/api/token", "GET /latest/meta-data/iam/security-credentials/",
                "GET /latest/meta-data/iam/security-credentials/service-role");
    }

    @Test
    void theSourcesInAwsOrder() throws IOException {
        everySource();
        assertThat(chain().get().accessKey()).isEqualTo("from-properties");

        systemProperties.clear();
        assertThat(chain().get().accessKey()).isEqualTo("from-environment");

        environment.remove("AWS_ACCESS_KEY_ID");
        environment.remove("AWS_SECRET_ACCESS_KEY");
        assertThat(chain().get().accessKey()).isEqualTo("from-file");

        Files.delete(home.resolve(".aws/credentials"));
        assertThat(chain().get().accessKey()).isEqualTo("from-metadata");
        assertThat(requests).containsExactly("GET /container");

        environment.remove("AWS_CONTAINER_CREDENTIALS_FULL_URI");
        requests.clear();
        assertThat(chain().get().accessKey()).isEqualTo("from-metadata");
        assertThat(requests).first().isEqualTo("PUT /latest/api/token");
    }

    @Test
    void temporaryCredentialsAreFetchedAgainFiveMinutesBeforeTheyExpire() {
        environment.put("AWS_EC2_METADATA_SERVICE_ENDPOINT", base);
        Instant expiration = NOW.plus(Duration.ofHours(1));
        credentialsAnswer.set(roleAnswer("first", expiration));
        AwsCredentialsChain chain = chain();

        assertThat(chain.get().accessKey()).isEqualTo("first");
        credentialsAnswer.set(roleAnswer("second", expiration.plus(Duration.ofHours(1))));
        clock.set(expiration.minus(Duration.ofMinutes(5)).minusSeconds(1));
        assertThat(chain.get().accessKey()).isEqualTo("first");
        assertThat(requests).hasSize(3);

        clock.set(expiration.minus(Duration.ofMinutes(5)));
        assertThat(chain.get().accessKey()).isEqualTo("second");
        assertThat(requests).hasSize(6);
    }

    @Test
    void whileARefreshFailsTheCurrentCredentialsServeUntilTheyExpireAndItIsTriedEveryMinute() {
        environment.put("AWS_EC2_METADATA_SERVICE_ENDPOINT", base);
        Instant expiration = NOW.plus(Duration.ofHours(1));
        credentialsAnswer.set(roleAnswer("first", expiration));
        AwsCredentialsChain chain = chain();
        chain.get();

        credentialsAnswer.set(null);
        clock.set(expiration.minus(Duration.ofMinutes(3)));
        assertThat(chain.get().accessKey()).isEqualTo("first");
        int asked = requests.size();
        clock.set(expiration.minus(Duration.ofMinutes(2)).minusSeconds(1));
        assertThat(chain.get().accessKey()).isEqualTo("first");
        assertThat(requests).hasSize(asked); // not asked again within the minute

        clock.set(expiration.minus(Duration.ofMinutes(2)));
        assertThat(chain.get().accessKey()).isEqualTo("first");
        assertThat(requests).hasSizeGreaterThan(asked);

        clock.set(expiration);
        assertThatThrownBy(chain::get).hasMessageContaining("No S3 credentials");
    }

    @Test
    void whenNoSourceGivesCredentialsTheErrorNamesWhatWasTried() throws IOException {
        credentialsFile(home.resolve(".aws/credentials"), """
                [default]
                credential_process = /usr/local/bin/get-keys
                """);
        environment.put("AWS_EC2_METADATA_SERVICE_ENDPOINT", base + "/nothing-here");

        assertThatThrownBy(() -> chain().get())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("No S3 credentials: callrecords.media.s3.access-key is not set")
                .hasMessageContaining("system properties aws.accessKeyId, aws.secretAccessKey: not set")
                .hasMessageContaining("environment AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY: not set")
                .hasMessageContaining("shared credentials file " + home.resolve(".aws/credentials")
                        + ", profile 'default': no aws_access_key_id and aws_secret_access_key (credential_process,"
                        + " SSO and role profiles are not supported)")
                .hasMessageContaining("container endpoint: AWS_CONTAINER_CREDENTIALS_RELATIVE_URI and "
                        + "AWS_CONTAINER_CREDENTIALS_FULL_URI not set")
                .hasMessageContaining("instance metadata (IMDSv2) " + base + "/nothing-here: PUT "
                        + "/nothing-here/latest/api/token answered 401");
    }

    @Test
    void theInstanceMetadataServiceIsNotAskedWhenDisabled() {
        environment.put("AWS_EC2_METADATA_SERVICE_ENDPOINT", base);
        environment.put("AWS_EC2_METADATA_DISABLED", "true");
        credentialsAnswer.set(roleAnswer("AKIDINSTANCE", NOW.plus(Duration.ofHours(6))));

        assertThatThrownBy(() -> chain().get()).hasMessageContaining("instance metadata: AWS_EC2_METADATA_DISABLED=true");
        assertThat(requests).isEmpty();
    }

    /** A clock the test moves. */
    private static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void set(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
