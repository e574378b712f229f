package io.callrecords.media;

import io.callrecords.shared.CallrecordsProperties;
import io.callrecords.shared.OutboundGuard;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * The service's own way to have a call's audio fetched (a PBX's recording, a mirrored Hipcall record's expiring
 * {@code record_url}): the same job as a media PUT with {@code source_url} — retries with backoff, the outbound guard
 * on every attempt, the size limit, the deadline — done by the service rather than by a key.
 */
@Service
public class MediaFetches {

    private final MediaAttachments attachments;
    private final OutboundGuard guard;
    private final Clock clock;
    private final CallrecordsProperties.Fetch settings;

    MediaFetches(MediaAttachments attachments, OutboundGuard guard, Clock clock, CallrecordsProperties properties) {
        this.attachments = attachments;
        this.guard = guard;
        this.clock = clock;
        this.settings = properties.media().fetch();
    }

    /**
     * Queues the fetch; a later fetch of the same call and kind supersedes one not yet done.
     *
     * @throws io.callrecords.shared.ValidationException keyed {@code source_url} when the URL is not an http(s) URL
     *                                                   the service may reach
     */
    public void fetch(long accountId, UUID call, MediaKind kind, String url) {
        URI source = SourceUrl.read(Map.of("source_url", url), guard);
        attachments.enqueueFetch(accountId, call, kind, source.toString(), Actor.SERVICE,
                clock.instant().plus(settings.deadline()));
    }
}
