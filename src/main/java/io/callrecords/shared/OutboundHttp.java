package io.callrecords.shared;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * The one HTTP client for calls to addresses the service's clients name: webhook URLs and media {@code source_url}s.
 * Every connection, a redirect's included, goes to addresses the {@link OutboundGuard} checked: the client's DNS
 * hook is the guard, so the address dialled is the address checked (a second lookup could answer differently: DNS
 * rebinding), while the request keeps the original host name in {@code Host}, in TLS SNI and in the certificate
 * check. No proxy from the environment, no cookies, no automatic retries (each caller has its own retry schedule).
 * Each caller says how its requests behave in a {@link Profile}; {@link Profile#timeout()} bounds the whole exchange,
 * the body included.
 */
public final class OutboundHttp implements AutoCloseable {

    /**
     * How one caller's requests behave.
     *
     * @param connectTimeout the longest wait for a connection (per address the host resolves to)
     * @param timeout        the longest a whole exchange may take, from connecting to the body's last byte
     * @param readIdle       the longest wait for the next bytes of the answer
     * @param maxRedirects   redirects followed (each to an address the guard checked); 0: a 3xx is the answer
     * @param decompress     whether to ask for and undo gzip/deflate content encoding
     */
    public record Profile(Duration connectTimeout, Duration timeout, Duration readIdle, int maxRedirects,
                          boolean decompress) {

        @SuppressWarnings("deprecation") // per-request connect timeouts: the one client serves callers with different ones
        RequestConfig requestConfig() {
            return RequestConfig.custom()
                    .setConnectTimeout(Timeout.of(connectTimeout))
                    .setConnectionRequestTimeout(Timeout.of(timeout))
                    .setResponseTimeout(Timeout.of(readIdle))
                    .setRedirectsEnabled(maxRedirects > 0)
                    .setMaxRedirects(maxRedirects)
                    .setContentCompressionEnabled(decompress)
                    .build();
        }
    }

    /** What an endpoint answered to a POST: its status, its headers (first value of each) and its body's first bytes. */
    public record Answer(int status, Map<String, String> headers, byte[] firstBytes) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** Reads a response; the stream is the body, null when there is none. */
    @FunctionalInterface
    public interface BodyReader<T> {
        T read(int status, String reason, long contentLength, InputStream body) throws IOException;
    }

    /** No connection could be made within the profile's connect timeout. */
    public static final class ConnectTimedOut extends IOException {
        ConnectTimedOut(Throwable cause) {
            super("no connection within the connect timeout", cause);
        }
    }

    /** The exchange was cut off at the profile's timeout. */
    public static final class TimedOut extends IOException {
        TimedOut(Duration timeout, Throwable cause) {
            super("no complete answer within " + timeout.toMillis() + " ms", cause);
        }
    }

    private final CloseableHttpClient http;
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("outbound-http-watchdog").factory());

    /** @param maxConnections connections open at once, in all and to one host: the callers' own limits, summed */
    public OutboundHttp(OutboundGuard guard, int maxConnections) {
        this.http = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(checkedBy(guard))
                        .setMaxConnTotal(maxConnections)
                        .setMaxConnPerRoute(maxConnections)
                        .build())
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .evictIdleConnections(TimeValue.ofSeconds(30))
                .setUserAgent("Callrecords")
                .build();
    }

    /**
     * POSTs {@code body} and keeps the first {@code keptBytes} of the answer; reading stops there (the connection is
     * then dropped), so an endpoint streaming an endless body can neither hold the request nor fill memory.
     *
     * @throws OutboundGuard.Refused when the guard refuses the host (no connection was attempted)
     * @throws ConnectTimedOut       when no connection could be made within the connect timeout
     * @throws TimedOut              when the whole exchange took longer than the profile's timeout
     */
    public Answer post(URI url, Map<String, String> headers, byte[] body, Profile profile, int keptBytes)
            throws IOException {
        HttpPost post = new HttpPost(url);
        headers.forEach(post::setHeader);
        post.setEntity(new ByteArrayEntity(body, null)); // the caller's Content-Type header says what it is
        return exchange(post, profile, (response, entity) -> {
            byte[] first = new byte[0];
            if (entity != null) {
                InputStream in = entity.getContent();
                first = in.readNBytes(keptBytes);
                if (first.length == keptBytes) {
                    post.cancel(); // the rest is not read: the connection is dropped, not given back
                }
            }
            Map<String, String> named = new TreeMap<>();
            for (Header header : response.getHeaders()) {
                named.putIfAbsent(header.getName().toLowerCase(Locale.ROOT), header.getValue());
            }
            return new Answer(response.getCode(), Map.copyOf(named), first);
        });
    }

    /**
     * GETs {@code url} and hands the answer to {@code reader}, whatever its status.
     *
     * @throws OutboundGuard.Refused when the guard refuses the host or a redirect's host
     * @throws ConnectTimedOut       when no connection could be made within the connect timeout
     * @throws TimedOut              when the whole exchange, reading included, took longer than the profile's timeout
     */
    public <T> T get(URI url, Map<String, String> headers, Profile profile, BodyReader<T> reader) throws IOException {
        HttpGet get = new HttpGet(url);
        headers.forEach(get::setHeader);
        return exchange(get, profile, (response, entity) -> reader.read(response.getCode(),
                response.getReasonPhrase(), entity == null ? -1 : entity.getContentLength(),
                entity == null ? null : entity.getContent()));
    }

    /** Reads a response with its headers (first value of each, names in lower case); the stream is null without body. */
    @FunctionalInterface
    public interface HeadedBodyReader<T> {
        T read(int status, Map<String, String> headers, InputStream body) throws IOException;
    }

    /** As {@link #get(URI, Map, Profile, BodyReader)}, for a caller that needs the answer's headers (a rate limit's). */
    public <T> T getWithHeaders(URI url, Map<String, String> headers, Profile profile, HeadedBodyReader<T> reader)
            throws IOException {
        HttpGet get = new HttpGet(url);
        headers.forEach(get::setHeader);
        return exchange(get, profile, (response, entity) -> {
            Map<String, String> named = new TreeMap<>();
            for (Header header : response.getHeaders()) {
                named.putIfAbsent(header.getName().toLowerCase(Locale.ROOT), header.getValue());
            }
            return reader.read(response.getCode(), Map.copyOf(named), entity == null ? null : entity.getContent());
        });
    }

    private interface Exchange<T> {
        T read(ClassicHttpResponse response, HttpEntity entity) throws IOException;
    }

    /**
     * Runs one exchange under the watchdog. A response read to its end gives its connection back to the pool; one
     * that was not (the reader stopped early or failed) is dropped: closing it would read the rest, however long.
     */
    private <T> T exchange(HttpUriRequestBase request, Profile profile, Exchange<T> exchange) throws IOException {
        request.setConfig(profile.requestConfig());
        AtomicBoolean cut = new AtomicBoolean();
        ScheduledFuture<?> cutOff = watchdog.schedule(() -> {
            cut.set(true);
            request.cancel();
        }, profile.timeout().toMillis(), TimeUnit.MILLISECONDS);
        try {
            ClassicHttpResponse response = http.executeOpen(null, request, null);
            boolean read = false;
            try {
                T result = exchange.read(response, response.getEntity());
                read = true;
                return result;
            } finally {
                if (!read) {
                    request.cancel();
                }
                if (!request.isCancelled()) {
                    response.close();
                }
            }
        } catch (OutboundGuard.Refused refused) {
            throw refused;
        } catch (ConnectTimeoutException e) {
            throw new ConnectTimedOut(e);
        } catch (IOException e) {
            if (cut.get()) {
                throw new TimedOut(profile.timeout(), e);
            }
            throw e;
        } finally {
            cutOff.cancel(false);
        }
    }

    /** The guard as the client's DNS: the addresses connected to are those it checked. */
    private static DnsResolver checkedBy(OutboundGuard guard) {
        return new DnsResolver() {
            @Override
            public InetAddress[] resolve(String host) throws UnknownHostException {
                return guard.check(host).toArray(InetAddress[]::new);
            }

            @Override
            public String resolveCanonicalHostname(String host) {
                return host; // never asked by this client (no Kerberos/SPNEGO); and never a second lookup
            }
        };
    }

    @Override
    public void close() {
        watchdog.shutdownNow();
        http.close(CloseMode.IMMEDIATE);
    }
}
