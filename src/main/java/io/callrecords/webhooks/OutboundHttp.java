package io.callrecords.webhooks;

import io.callrecords.shared.OutboundGuard;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;

/**
 * POSTs to endpoints outside the service, behind the {@link OutboundGuard}: the host is resolved
 * here, every address checked, and the connection made to the checked address itself, with the
 * original name in {@code Host} (and, for https, in SNI, against which the certificate is verified).
 * Redirects are never followed. Only the first bytes of an answer are read.
 */
final class OutboundHttp implements AutoCloseable {

    /** What an endpoint answered. */
    record Answer(int status, String retryAfter, byte[] firstBytes) {}

    /** The guard refused the host: no connection was attempted. */
    static final class Refused extends Exception {
        Refused(String reason) {
            super(reason, null, false, false);
        }
    }

    static final int KEPT_BODY_BYTES = 2048;
    private static final int MAX_TLS_CLIENTS = 256;

    private final OutboundGuard guard;
    private final Duration connectTimeout;
    private final Duration timeout;
    private final HttpClient plain;
    /** https needs the original name as SNI, which the JDK client takes per client: one client per host. */
    private final Map<String, HttpClient> tlsClients = new LinkedHashMap<>(16, 0.75f, true);

    OutboundHttp(OutboundGuard guard, Duration connectTimeout, Duration timeout) {
        requireHostHeader();
        this.guard = guard;
        this.connectTimeout = connectTimeout;
        this.timeout = timeout;
        this.plain = client(null);
    }

    Answer post(URI url, Map<String, String> headers, byte[] body)
            throws Refused, IOException, InterruptedException {
        String host = bare(url.getHost());
        List<InetAddress> addresses;
        try {
            addresses = guard.check(host);
        } catch (OutboundGuard.Refused e) {
            throw new Refused(e.getMessage());
        } catch (UnknownHostException e) {
            throw new IOException("cannot resolve " + host, e);
        }
        boolean tls = "https".equalsIgnoreCase(url.getScheme());
        int port = url.getPort() != -1 ? url.getPort() : tls ? 443 : 80;
        HttpRequest.Builder request = HttpRequest.newBuilder(pinned(url, addresses.getFirst(), port))
                .timeout(timeout)
                .header("Host", url.getPort() == -1 ? url.getHost() : url.getHost() + ":" + port)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        // SNI carries host names only (RFC 6066): an address is checked against the certificate as it is.
        HttpClient client = tls && !OutboundGuard.isAddressLiteral(host) ? tlsClient(host) : plain;
        var future = client.sendAsync(request.build(), FirstBytes.handler(KEPT_BODY_BYTES));
        try {
            // The request timeout covers the wait for the headers; this bounds the body too.
            HttpResponse<byte[]> response = future.get(timeout.toMillis() + 100, TimeUnit.MILLISECONDS);
            return new Answer(response.statusCode(), response.headers().firstValue("Retry-After").orElse(null),
                    response.body());
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new HttpTimeoutException("no complete answer within " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } catch (InterruptedException e) {
            future.cancel(true);
            throw e;
        }
    }

    /** The URL with the checked address in place of the name. */
    private static URI pinned(URI url, InetAddress address, int port) {
        String literal = address instanceof Inet6Address ? "[" + address.getHostAddress() + "]" : address.getHostAddress();
        try {
            return new URI(url.getScheme() + "://" + literal + ":" + port
                    + (url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath())
                    + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private synchronized HttpClient tlsClient(String host) {
        HttpClient client = tlsClients.computeIfAbsent(host, this::client);
        if (tlsClients.size() > MAX_TLS_CLIENTS) {
            var eldest = tlsClients.entrySet().iterator().next();
            tlsClients.remove(eldest.getKey());
            eldest.getValue().shutdown(); // in-flight requests finish
        }
        return client;
    }

    private HttpClient client(String sniHost) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1) // Host is a header in 1.1; HTTP/2 would put the IP in :authority
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(connectTimeout)
                .executor(Executors.newVirtualThreadPerTaskExecutor());
        if (sniHost != null) {
            SSLParameters parameters = new SSLParameters();
            parameters.setServerNames(List.of(new SNIHostName(sniHost)));
            builder.sslParameters(parameters);
        }
        return builder.build();
    }

    private static String bare(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    /**
     * The JDK's client refuses to set {@code Host} unless {@code jdk.httpclient.allowRestrictedHeaders}
     * names it before its first use; the launcher and the test JVM set it. Fail at startup, not per delivery.
     */
    static void requireHostHeader() {
        try {
            HttpRequest.newBuilder(URI.create("http://127.0.0.1/")).header("Host", "example.com");
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("Webhooks need the JVM option -Djdk.httpclient.allowRestrictedHeaders=host"
                    + " (set by the launcher; it must be set before the first HTTP client is used)", e);
        }
    }

    @Override
    public synchronized void close() {
        plain.shutdownNow();
        tlsClients.values().forEach(HttpClient::shutdownNow);
    }
}
