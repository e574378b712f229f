package io.callrecords.media;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPut;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * S3 credentials when no key pair is configured: the sources of AWS's default credentials chain that a service
 * uses, in AWS's order — system properties, environment, the shared credentials file (static keys), the container
 * credentials endpoint (ECS, EKS Pod Identity) and the EC2 instance metadata service (IMDSv2). The first source that
 * gives keys wins. Written here instead of taking the AWS SDK's credentials module, 3.9 MB of jar for these few
 * requests (ADR 0016).
 *
 * <p>Temporary credentials are fetched again {@link #REFRESH_BEFORE_EXPIRY} before their expiry (while a refresh
 * fails, the old ones serve until they expire, and the refresh is tried again every minute); credentials without an expiry are looked up again after the same
 * time, so that a rotated credentials file is taken up without a restart.
 */
final class AwsCredentialsChain implements Supplier<S3Signer.Credentials> {

    static final Duration REFRESH_BEFORE_EXPIRY = Duration.ofMinutes(5);
    static final Duration RETRY_AFTER_FAILED_REFRESH = Duration.ofMinutes(1);

    private static final Logger log = LoggerFactory.getLogger(AwsCredentialsChain.class);
    private static final String CONTAINER_ENDPOINT = "http://169.254.170.2";
    private static final String INSTANCE_METADATA_ENDPOINT = "http://169.254.169.254";
    /** The addresses AWS's own SDKs accept for a container endpoint over plain http, besides loopback. */
    private static final Set<String> CONTAINER_HOSTS = Set.of("169.254.170.2", "169.254.170.23", "fd00:ec2::23");
    private static final int MAX_ANSWER = 64 * 1024;

    private final UnaryOperator<String> environment;
    private final UnaryOperator<String> systemProperties;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();
    // Not synchronized: the callers are virtual threads, and this lock is held over metadata requests.
    private final ReentrantLock lock = new ReentrantLock();
    private Resolved current;

    /**
     * @param environment      looks up an environment variable ({@code System::getenv})
     * @param systemProperties looks up a system property ({@code System::getProperty})
     */
    AwsCredentialsChain(UnaryOperator<String> environment, UnaryOperator<String> systemProperties, Clock clock) {
        this.environment = environment;
        this.systemProperties = systemProperties;
        this.clock = clock;
    }

    static AwsCredentialsChain ofThisProcess(Clock clock) {
        return new AwsCredentialsChain(System::getenv, System::getProperty, clock);
    }

    /** @throws IllegalStateException naming each source and why it gave nothing, when none gives credentials */
    @Override
    public S3Signer.Credentials get() {
        lock.lock();
        try {
            Instant now = clock.instant();
            if (current != null && now.isBefore(current.refreshAt())) {
                return current.credentials();
            }
            try {
                current = resolve(now);
            } catch (IllegalStateException none) {
                if (current != null && current.expiration() != null && now.isBefore(current.expiration())) {
                    log.warn("Could not refresh the S3 credentials, using the current ones until they expire at {}: {}",
                            current.expiration(), none.getMessage());
                    // not again at every request: each attempt may wait for the metadata services' timeouts
                    Instant retry = now.plus(RETRY_AFTER_FAILED_REFRESH);
                    current = new Resolved(current.credentials(), current.expiration(),
                            retry.isBefore(current.expiration()) ? retry : current.expiration());
                    return current.credentials();
                }
                current = null;
                throw none;
            }
            return current.credentials();
        } finally {
            lock.unlock();
        }
    }

    /** Credentials and when they expire ({@code null}: never). */
    private record Resolved(S3Signer.Credentials credentials, Instant expiration, Instant refreshAt) {
    }

    private Resolved resolve(Instant now) {
        List<String> tried = new ArrayList<>();
        S3Signer.Credentials keys = staticKeys("system properties aws.accessKeyId, aws.secretAccessKey",
                systemProperties.apply("aws.accessKeyId"), systemProperties.apply("aws.secretAccessKey"),
                systemProperties.apply("aws.sessionToken"), tried);
        if (keys == null) {
            keys = staticKeys("environment AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY",
                    environment.apply("AWS_ACCESS_KEY_ID"), environment.apply("AWS_SECRET_ACCESS_KEY"),
                    environment.apply("AWS_SESSION_TOKEN"), tried);
        }
        if (keys == null) {
            keys = sharedCredentialsFile(tried);
        }
        if (keys != null) {
            return new Resolved(keys, null, now.plus(REFRESH_BEFORE_EXPIRY));
        }
        Resolved temporary = container(now, tried);
        if (temporary == null) {
            temporary = instanceMetadata(now, tried);
        }
        if (temporary == null) {
            throw new IllegalStateException("No S3 credentials: callrecords.media.s3.access-key is not set and AWS's "
                    + "default chain found none. Tried: " + String.join("; ", tried) + ".");
        }
        return temporary;
    }

    private static S3Signer.Credentials staticKeys(String source, String accessKey, String secretKey,
                                                   String sessionToken, List<String> tried) {
        if (isBlank(accessKey) && isBlank(secretKey)) {
            tried.add(source + ": not set");
            return null;
        }
        if (isBlank(accessKey) || isBlank(secretKey)) {
            tried.add(source + ": only one of the two is set");
            return null;
        }
        return new S3Signer.Credentials(accessKey.trim(), secretKey.trim(), isBlank(sessionToken) ? null : sessionToken.trim());
    }

    // --- the shared credentials file ---

    private S3Signer.Credentials sharedCredentialsFile(List<String> tried) {
        String profile = isBlank(environment.apply("AWS_PROFILE")) ? "default" : environment.apply("AWS_PROFILE").trim();
        Path file = credentialsFile();
        String source = "shared credentials file " + file + ", profile '" + profile + "'";
        Map<String, String> properties;
        try {
            properties = profiles(Files.readAllLines(file, StandardCharsets.UTF_8)).get(profile);
        } catch (NoSuchFileException absent) {
            tried.add(source + ": no such file");
            return null;
        } catch (IOException | RuntimeException unreadable) {
            tried.add(source + ": could not be read (" + unreadable.getMessage() + ")");
            return null;
        }
        if (properties == null) {
            tried.add(source + ": no such profile");
            return null;
        }
        S3Signer.Credentials keys = staticKeys(source + ", aws_access_key_id and aws_secret_access_key",
                properties.get("aws_access_key_id"), properties.get("aws_secret_access_key"),
                properties.get("aws_session_token"), new ArrayList<>());
        if (keys == null) {
            tried.add(source + ": no aws_access_key_id and aws_secret_access_key (credential_process, SSO and role "
                    + "profiles are not supported)");
        }
        return keys;
    }

    private Path credentialsFile() {
        String home = isBlank(environment.apply("HOME")) ? systemProperties.apply("user.home") : environment.apply("HOME");
        String named = environment.apply("AWS_SHARED_CREDENTIALS_FILE");
        if (isBlank(named)) {
            return Path.of(home, ".aws", "credentials");
        }
        named = named.trim();
        return named.equals("~") || named.startsWith("~/") ? Path.of(home, named.substring(1)) : Path.of(named);
    }

    /** The profiles of an INI file: {@code [name]} sections of {@code key = value} lines; {@code #} and {@code ;} comment. */
    static Map<String, Map<String, String>> profiles(List<String> lines) {
        Map<String, Map<String, String>> profiles = new HashMap<>();
        Map<String, String> section = null;
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                section = profiles.computeIfAbsent(line.substring(1, line.length() - 1).strip(), name -> new HashMap<>());
            } else if (section != null && line.indexOf('=') > 0) {
                int equals = line.indexOf('=');
                section.put(line.substring(0, equals).strip().toLowerCase(Locale.ROOT), line.substring(equals + 1).strip());
            }
        }
        return profiles;
    }

    // --- the container endpoint (ECS task role, EKS Pod Identity) ---

    private Resolved container(Instant now, List<String> tried) {
        String relative = environment.apply("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI");
        String full = environment.apply("AWS_CONTAINER_CREDENTIALS_FULL_URI");
        URI uri;
        if (!isBlank(relative)) {
            uri = URI.create(CONTAINER_ENDPOINT + relative.trim());
        } else if (!isBlank(full)) {
            uri = URI.create(full.trim());
        } else {
            tried.add("container endpoint: AWS_CONTAINER_CREDENTIALS_RELATIVE_URI and AWS_CONTAINER_CREDENTIALS_FULL_URI not set");
            return null;
        }
        String source = "container endpoint " + uri;
        try {
            if (isBlank(relative) && !"https".equalsIgnoreCase(uri.getScheme()) && !containerHost(uri)) {
                tried.add(source + ": over http only to loopback or the container addresses (169.254.170.2, "
                        + "169.254.170.23, fd00:ec2::23)");
                return null;
            }
            HttpGet get = new HttpGet(uri);
            String token = containerAuthorization();
            if (token != null) {
                get.setHeader("Authorization", token);
            }
            try (CloseableHttpClient http = metadataClient()) {
                return temporaryCredentials(answer(http, get), now);
            }
        } catch (IOException | RuntimeException failed) {
            tried.add(source + ": " + failed.getMessage());
            return null;
        }
    }

    private static boolean containerHost(URI uri) throws IOException {
        String host = uri.getHost();
        if (host == null) {
            return false;
        }
        String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (CONTAINER_HOSTS.contains(bare.toLowerCase(Locale.ROOT))) {
            return true;
        }
        for (InetAddress address : InetAddress.getAllByName(bare)) {
            if (!address.isLoopbackAddress()) {
                return false;
            }
        }
        return true;
    }

    /** The token file (EKS Pod Identity, re-read each time as it is rotated) before the token itself, as AWS does. */
    private String containerAuthorization() throws IOException {
        String file = environment.apply("AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE");
        if (!isBlank(file)) {
            return Files.readString(Path.of(file.trim()), StandardCharsets.UTF_8).strip();
        }
        String token = environment.apply("AWS_CONTAINER_AUTHORIZATION_TOKEN");
        return isBlank(token) ? null : token.strip();
    }

    // --- the EC2 instance metadata service, IMDSv2 ---

    private Resolved instanceMetadata(Instant now, List<String> tried) {
        if ("true".equalsIgnoreCase(String.valueOf(environment.apply("AWS_EC2_METADATA_DISABLED")).strip())) {
            tried.add("instance metadata: AWS_EC2_METADATA_DISABLED=true");
            return null;
        }
        String endpoint = environment.apply("AWS_EC2_METADATA_SERVICE_ENDPOINT");
        endpoint = isBlank(endpoint) ? INSTANCE_METADATA_ENDPOINT : endpoint.strip().replaceAll("/+$", "");
        String source = "instance metadata (IMDSv2) " + endpoint;
        try (CloseableHttpClient http = metadataClient()) {
            HttpPut tokenRequest = new HttpPut(endpoint + "/latest/api/token");
            tokenRequest.setHeader("X-aws-ec2-metadata-token-ttl-seconds", "21600");
            String token = answer(http, tokenRequest).strip();
            String roles = endpoint + "/latest/meta-data/iam/security-credentials/";
            String role = answer(http, withToken(new HttpGet(roles), token)).lines()
                    .map(String::strip).filter(line -> !line.isEmpty()).findFirst()
                    .orElseThrow(() -> new IOException("no instance role"));
            return temporaryCredentials(answer(http, withToken(new HttpGet(roles + role), token)), now);
        } catch (IOException | RuntimeException failed) {
            tried.add(source + ": " + failed.getMessage());
            return null;
        }
    }

    private static HttpUriRequestBase withToken(HttpUriRequestBase request, String token) {
        request.setHeader("X-aws-ec2-metadata-token", token);
        return request;
    }

    // --- both metadata services ---

    /**
     * No proxy (these are local services), no retries, short timeouts: on a machine without the service the
     * chain must fail quickly. A client per resolution, as resolutions are minutes apart.
     */
    private static CloseableHttpClient metadataClient() {
        return HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.ofSeconds(1)).setSocketTimeout(Timeout.ofSeconds(2)).build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom().setRedirectsEnabled(false).build())
                .disableAutomaticRetries()
                .disableCookieManagement()
                .build();
    }

    /** The body of a 200 answer; anything else fails with the status. */
    private static String answer(CloseableHttpClient http, HttpUriRequestBase request) throws IOException {
        try (ClassicHttpResponse response = http.executeOpen(null, request, null)) {
            if (response.getCode() != 200) {
                throw new IOException(request.getMethod() + " " + request.getRequestUri() + " answered "
                        + response.getCode());
            }
            if (response.getEntity() == null) {
                return "";
            }
            try (InputStream body = response.getEntity().getContent()) {
                return new String(body.readNBytes(MAX_ANSWER), StandardCharsets.UTF_8);
            }
        }
    }

    /** {@code {"AccessKeyId", "SecretAccessKey", "Token", "Expiration"}}, the answer of both services. */
    private Resolved temporaryCredentials(String body, Instant now) throws IOException {
        JsonNode answer;
        try {
            answer = json.readTree(body);
        } catch (JacksonException e) {
            throw new IOException("the answer is not JSON");
        }
        String code = text(answer, "Code");
        if (code != null && !code.equals("Success")) {
            throw new IOException("the answer's Code is " + code);
        }
        S3Signer.Credentials keys = staticKeys("the answer's AccessKeyId, SecretAccessKey",
                text(answer, "AccessKeyId"), text(answer, "SecretAccessKey"), text(answer, "Token"),
                new ArrayList<>());
        if (keys == null) {
            throw new IOException("the answer has no AccessKeyId and SecretAccessKey");
        }
        String expiration = text(answer, "Expiration");
        if (isBlank(expiration)) {
            return new Resolved(keys, null, now.plus(REFRESH_BEFORE_EXPIRY));
        }
        try {
            Instant expires = Instant.parse(expiration.strip());
            return new Resolved(keys, expires, expires.minus(REFRESH_BEFORE_EXPIRY));
        } catch (DateTimeParseException e) {
            throw new IOException("the answer's Expiration is not a time: " + expiration);
        }
    }

    private static String text(JsonNode object, String field) {
        JsonNode value = object.get(field);
        return value != null && value.isString() ? value.stringValue() : null;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
