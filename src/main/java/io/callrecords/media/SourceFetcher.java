package io.callrecords.media;

import io.callrecords.shared.CallrecordsProperties;
import io.callrecords.shared.OutboundGuard;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.util.Timeout;
import org.springframework.stereotype.Component;

/**
 * Downloads a {@code source_url} into the spool. Every connection, redirects included, goes to the
 * addresses the {@link OutboundGuard} checked for that host (the client's DNS hook), while the
 * request keeps the original host name (Host header, TLS SNI and certificate check). No proxy from
 * the environment is used. A fetch is cut off after {@code callrecords.media.fetch.timeout}.
 */
@Component
class SourceFetcher implements AutoCloseable {

    /** A failure no retry can fix: the address is refused, the body is not audio or too large. */
    static final class Permanent extends IOException {
        Permanent(String message) {
            super(message);
        }
    }

    private static final Timeout READ_IDLE = Timeout.ofSeconds(60);

    private final CloseableHttpClient http;
    private final MediaSpool spool;
    private final Duration timeout;
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("media-fetch-watchdog").factory());

    SourceFetcher(OutboundGuard guard, MediaSpool spool, CallrecordsProperties properties) {
        this.spool = spool;
        this.timeout = properties.media().fetch().timeout();
        DnsResolver checked = new DnsResolver() {
            @Override
            public InetAddress[] resolve(String host) throws UnknownHostException {
                return guard.check(host).toArray(InetAddress[]::new);
            }

            @Override
            public String resolveCanonicalHostname(String host) {
                return host;
            }
        };
        this.http = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(checked)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.of(properties.media().fetch().connectTimeout()))
                                .setSocketTimeout(READ_IDLE).build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom().setRedirectsEnabled(true).setMaxRedirects(5)
                        .setResponseTimeout(READ_IDLE).build())
                .disableAutomaticRetries() // the job queue retries, with backoff
                .setUserAgent("Callrecords media fetch")
                .build();
    }

    MediaSpool.Spooled fetch(String url) throws IOException {
        HttpGet get = new HttpGet(url);
        ScheduledFuture<?> cutOff = watchdog.schedule(get::cancel, timeout.toMillis(), TimeUnit.MILLISECONDS);
        try {
            return http.execute(get, response -> {
                if (response.getCode() != 200) {
                    throw new IOException("The source answered HTTP " + response.getCode() + " " + response.getReasonPhrase());
                }
                HttpEntity entity = response.getEntity();
                if (entity == null) {
                    throw new IOException("The source answered without a body");
                }
                if (entity.getContentLength() > spool.maxSize()) {
                    throw new Permanent(MediaSpool.tooLarge(spool.maxSize()).getMessage());
                }
                try {
                    // The type is taken from the bytes: sources often say application/octet-stream.
                    return spool.spool(entity.getContent(), null);
                } catch (io.callrecords.shared.ApiException rejected) {
                    throw new Permanent(rejected.getMessage());
                }
            });
        } catch (OutboundGuard.Refused refused) {
            throw new Permanent(refused.getMessage());
        } finally {
            cutOff.cancel(false);
        }
    }

    @Override
    public void close() throws IOException {
        watchdog.shutdownNow();
        http.close();
    }
}
