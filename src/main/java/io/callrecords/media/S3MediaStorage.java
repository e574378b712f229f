package io.callrecords.media;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hc.client5.http.classic.methods.HttpDelete;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPut;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.FileEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;

/**
 * Objects in an S3-compatible bucket, over Apache HttpClient 5 with {@link S3Signer}: the three calls the storage
 * makes (PUT, ranged GET, DELETE of one object) need no SDK. The temporary file is sent with one PUT of known length
 * (S3 shows an object only once it is complete), then removed; reads ask for the byte range only. Not behind the
 * SSRF guard: the endpoint is the operator's setting, not a client's, and often private on purpose.
 */
final class S3MediaStorage implements MediaStorage, AutoCloseable {

    private static final int ATTEMPTS = 3;
    private static final Pattern CODE = Pattern.compile("<Code>([^<]*)</Code>");
    private static final Pattern MESSAGE = Pattern.compile("<Message>([^<]*)</Message>");

    private final S3Location location;
    private final S3Signer signer;
    private final Supplier<S3Signer.Credentials> credentials;
    private final Clock clock;
    private final CloseableHttpClient http;

    S3MediaStorage(S3Location location, Supplier<S3Signer.Credentials> credentials, Clock clock) {
        this.location = location;
        this.signer = new S3Signer(location.region());
        this.credentials = credentials;
        this.clock = clock;
        // The timeouts and pool size of the AWS SDK's own HTTP clients.
        this.http = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(50).setMaxConnPerRoute(50)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.ofSeconds(2)).setSocketTimeout(Timeout.ofSeconds(30)).build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom().setRedirectsEnabled(false)
                        .setContentCompressionEnabled(false).build())
                .disableAutomaticRetries() // retried here, for the answers S3 says to retry too
                .disableCookieManagement()
                .useSystemProperties() // an operator's proxy (https.proxyHost ...), as the SDK's client had
                .setUserAgent("Callrecords")
                .build();
    }

    @Override
    public void put(String key, Path file, AudioType type) throws IOException {
        String hash = sha256Hex(file);
        exchange(() -> {
            HttpPut put = new HttpPut(location.uri(key));
            put.setEntity(new FileEntity(file.toFile(), ContentType.parse(type.contentType)));
            return put;
        }, Map.of("Content-Type", type.contentType), hash, key, 200).close();
        Files.deleteIfExists(file);
    }

    @Override
    public InputStream open(String key, long offset, long length) throws IOException {
        String range = "bytes=" + offset + "-" + (offset + length - 1);
        return exchange(() -> new HttpGet(location.uri(key)), Map.of("Range", range), S3Signer.EMPTY_PAYLOAD, key,
                206, 200);
    }

    @Override
    public void delete(String key) throws IOException {
        try {
            exchange(() -> new HttpDelete(location.uri(key)), Map.of(), S3Signer.EMPTY_PAYLOAD, key, 204, 200).close();
        } catch (NoSuchFileException alreadyGone) {
            // deleting a missing object is no error
        }
    }

    /**
     * Sends a request, up to three times while the failure is one that may pass (no answer, 429, 5xx), as the AWS SDK
     * does, and gives the body of an expected answer.
     *
     * @throws NoSuchFileException for a 404
     */
    private Body exchange(Supplier<HttpUriRequestBase> requests, Map<String, String> headers, String payloadHash,
                         String key, int... expected) throws IOException {
        for (int attempt = 1; ; attempt++) {
            HttpUriRequestBase request = requests.get();
            try {
                ClassicHttpResponse response = execute(request, headers, payloadHash);
                int status = response.getCode();
                for (int ok : expected) {
                    if (status == ok) {
                        return new Body(request, response);
                    }
                }
                String failure = describe(response, key);
                if (status == 404) {
                    throw new NoSuchFileException(location.objectKey(key));
                }
                if (status != 429 && status < 500 || attempt == ATTEMPTS) {
                    throw new S3Failure(failure);
                }
            } catch (S3Failure | NoSuchFileException answered) {
                throw answered;
            } catch (IOException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
            pause(attempt);
        }
    }

    private ClassicHttpResponse execute(HttpUriRequestBase request, Map<String, String> headers, String payloadHash)
            throws IOException {
        URI uri;
        try {
            uri = request.getUri();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e); // built from a URI just before
        }
        Map<String, String> signed = new LinkedHashMap<>(headers);
        signed.put("Host", uri.getPort() == -1 ? uri.getHost() : uri.getHost() + ":" + uri.getPort());
        signer.sign(request.getMethod(), uri.getRawPath(), signed, payloadHash, credentials.get(), clock.instant())
                .forEach(request::setHeader);
        headers.forEach(request::setHeader);
        return http.executeOpen(null, request, null);
    }

    private static void pause(int attempt) throws IOException {
        try {
            Thread.sleep(100L << attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** An answer of S3 that ends the attempts. */
    private static final class S3Failure extends IOException {
        S3Failure(String message) {
            super(message);
        }
    }

    /** "S3 answered 403 AccessDenied: Access Denied for media/1/..." from the answer's error document. */
    private String describe(ClassicHttpResponse response, String key) throws IOException {
        String body = "";
        if (response.getEntity() != null) {
            // an error document is short; its first bytes name the code and message
            body = new String(response.getEntity().getContent().readNBytes(4096), java.nio.charset.StandardCharsets.UTF_8);
        }
        response.close();
        Matcher code = CODE.matcher(body);
        Matcher message = MESSAGE.matcher(body);
        return "S3 answered " + response.getCode() + (code.find() ? " " + code.group(1) : "")
                + (message.find() ? ": " + message.group(1) : "") + " for " + location.objectKey(key);
    }

    private static String sha256Hex(Path file) throws IOException {
        MessageDigest digest = S3Signer.digest();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * The body of an answer. Closed before its end (a listener of a ranged GET went away), the connection is dropped:
     * closing it normally would read the rest first.
     */
    private static final class Body extends FilterInputStream {
        private final HttpUriRequestBase request;
        private final ClassicHttpResponse response;
        private boolean ended;

        Body(HttpUriRequestBase request, ClassicHttpResponse response) throws IOException {
            super(response.getEntity() == null ? InputStream.nullInputStream() : response.getEntity().getContent());
            this.request = request;
            this.response = response;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            ended |= b == -1;
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            ended |= n == -1;
            return n;
        }

        @Override
        public void close() throws IOException {
            if (!ended && in.read() != -1) { // a PUT's or DELETE's empty answer is at its end already
                request.cancel();
                return;
            }
            response.close();
        }
    }

    @Override
    public void close() {
        http.close(CloseMode.GRACEFUL);
    }
}
