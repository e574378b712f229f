package io.callrecords.media;

import io.callrecords.shared.ApiException;
import io.callrecords.shared.CallrecordsProperties;
import io.callrecords.shared.OutboundGuard;
import io.callrecords.shared.OutboundHttp;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Downloads a {@code source_url} into the spool, through the service's one outbound client: every
 * connection, redirects (up to five) included, goes to addresses the {@link OutboundGuard} checked,
 * while the request keeps the original host name (Host header, TLS SNI and certificate check). A
 * fetch is cut off after {@code callrecords.media.fetch.timeout}.
 */
@Component
class SourceFetcher {

    /** A failure no retry can fix: the address is refused, the body is not audio or too large. */
    static final class Permanent extends IOException {
        Permanent(String message) {
            super(message);
        }
    }

    private static final Duration READ_IDLE = Duration.ofSeconds(60);
    private static final int MAX_REDIRECTS = 5;
    private static final Map<String, String> HEADERS = Map.of("User-Agent", "Callrecords media fetch");

    private final OutboundHttp http;
    private final MediaSpool spool;
    private final OutboundHttp.Profile profile;

    SourceFetcher(OutboundHttp http, MediaSpool spool, CallrecordsProperties properties) {
        this.http = http;
        this.spool = spool;
        CallrecordsProperties.Fetch settings = properties.media().fetch();
        this.profile = new OutboundHttp.Profile(settings.connectTimeout(), settings.timeout(), READ_IDLE,
                MAX_REDIRECTS, true);
    }

    MediaSpool.Spooled fetch(String url) throws IOException {
        try {
            return http.get(URI.create(url), HEADERS, profile, (status, reason, contentLength, body) -> {
                if (status != 200) {
                    throw new IOException("The source answered HTTP " + status + " " + reason);
                }
                if (body == null) {
                    throw new IOException("The source answered without a body");
                }
                if (contentLength > spool.maxSize()) {
                    throw new Permanent(MediaSpool.tooLarge(spool.maxSize()).getMessage());
                }
                try {
                    // The type is taken from the bytes: sources often say application/octet-stream.
                    return spool.spool(body, null);
                } catch (ApiException rejected) {
                    throw new Permanent(rejected.getMessage());
                }
            });
        } catch (OutboundGuard.Refused refused) {
            throw new Permanent(refused.getMessage());
        }
    }
}
