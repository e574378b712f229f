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

    /** A fetch that gave up (its retries and deadline spent), and why, in the fetcher's words. */
    public record FailedFetch(UUID call, MediaKind kind, String sourceUrl, String error, java.time.Instant at) {}

    private final MediaAttachments attachments;
    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;
    private final OutboundGuard guard;
    private final Clock clock;
    private final CallrecordsProperties.Fetch settings;

    MediaFetches(MediaAttachments attachments, OutboundGuard guard, Clock clock, CallrecordsProperties properties,
                 org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        this.attachments = attachments;
        this.jdbc = jdbc;
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

    /** The account's latest fetches that failed, newest first: for a source's page, where a missing recording shows. */
    public java.util.List<FailedFetch> failed(long accountId, int limit) {
        return jdbc.sql("""
                        SELECT call_uuid, kind, source_url, last_error, updated_at FROM media_fetch_jobs
                        WHERE account_id = :account AND status = 'failed' ORDER BY updated_at DESC, id DESC LIMIT :limit""")
                .param("account", accountId)
                .param("limit", limit)
                .query((rs, n) -> new FailedFetch(rs.getObject("call_uuid", UUID.class),
                        MediaKind.valueOf(rs.getString("kind").toUpperCase(java.util.Locale.ROOT)),
                        rs.getString("source_url"), rs.getString("last_error"),
                        io.callrecords.shared.Timestamps.fromDb(rs, "updated_at")))
                .list();
    }

    /**
     * The call's audio whose latest fetch failed, one per kind: for the call's page, which says why the recording a
     * platform named is not there. A later upload or fetch of the kind supersedes it.
     */
    public java.util.List<FailedFetch> failedFor(long accountId, UUID call) {
        return jdbc.sql("""
                        SELECT call_uuid, kind, source_url, last_error, updated_at, status FROM (
                            SELECT DISTINCT ON (kind) call_uuid, kind, source_url, last_error, updated_at, status
                            FROM media_fetch_jobs WHERE account_id = :account AND call_uuid = :call
                            ORDER BY kind, id DESC) latest
                        WHERE status = 'failed' ORDER BY kind""")
                .param("account", accountId)
                .param("call", call)
                .query((rs, n) -> new FailedFetch(rs.getObject("call_uuid", UUID.class),
                        MediaKind.valueOf(rs.getString("kind").toUpperCase(java.util.Locale.ROOT)),
                        rs.getString("source_url"), rs.getString("last_error"),
                        io.callrecords.shared.Timestamps.fromDb(rs, "updated_at")))
                .list();
    }
}
