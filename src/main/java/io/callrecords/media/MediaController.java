package io.callrecords.media;

import io.callrecords.accounts.Caller;
import io.callrecords.shared.ApiException;
import io.callrecords.shared.CallrecordsProperties;
import io.callrecords.shared.InvalidTextException;
import io.callrecords.shared.OutboundGuard;
import io.callrecords.shared.PathUuids;
import io.callrecords.shared.Timestamps;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A call's recording or voicemail through the API: {@code PUT} the audio (raw body, or JSON
 * {@code {"source_url"}} to have it fetched), {@code DELETE} it, and {@code GET} the stable link that
 * answers 302 to a fresh signed one. The call need not exist yet, or may have ended long ago.
 */
@RestController
@RequestMapping("/api/v3/calls/{uuid}/{kind:recording|voicemail}")
class MediaController {

    private static final int MAX_JSON_BODY = 16 * 1024;
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

    private final MediaSpool spool;
    private final MediaAttachments attachments;
    private final MediaStore store;
    private final MediaLinks links;
    private final FetchJobs jobs;
    private final OutboundGuard guard;
    private final JsonMapper json;
    private final Clock clock;
    private final CallrecordsProperties.Fetch fetch;

    MediaController(MediaSpool spool, MediaAttachments attachments, MediaStore store, MediaLinks links, FetchJobs jobs,
                    OutboundGuard guard, JsonMapper json, Clock clock, CallrecordsProperties properties) {
        this.spool = spool;
        this.attachments = attachments;
        this.store = store;
        this.links = links;
        this.jobs = jobs;
        this.guard = guard;
        this.json = json;
        this.clock = clock;
        this.fetch = properties.media().fetch();
    }

    @PutMapping
    ResponseEntity<Map<String, Object>> put(Caller caller, @PathVariable String uuid, @PathVariable String kind,
                                            HttpServletRequest request) throws IOException {
        UUID call = PathUuids.parse(uuid);
        MediaKind mediaKind = MediaKind.fromWire(kind).orElseThrow();
        String contentType = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        if (contentType.startsWith("application/json")) {
            return fetchLater(caller, call, mediaKind, request.getInputStream());
        }
        AudioType declared = AudioType.fromHeader(contentType).orElseThrow(() -> new ApiException(
                HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Send the audio as audio/mpeg, audio/wav or audio/ogg, or JSON"
                + " {\"source_url\": \"https://...\"} to have the service fetch it."));
        if (request.getContentLengthLong() > spool.maxSize()) {
            throw MediaSpool.tooLarge(spool.maxSize());
        }
        MediaSpool.Spooled spooled;
        try {
            spooled = spool.spool(request.getInputStream(), declared);
        } catch (MediaSpool.Unreadable e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "The request body could not be read to its end.");
        }
        MediaAttachments.Attached attached = attachments.attach(caller.accountId(), call, mediaKind, spooled,
                MediaAttachments.Origin.upload(caller.apiKeyId())).orElseThrow();
        return ResponseEntity.status(attached.replaced() ? HttpStatus.OK : HttpStatus.CREATED)
                .body(Map.of("data", describe(attached.media())));
    }

    @DeleteMapping
    ResponseEntity<Void> delete(Caller caller, @PathVariable String uuid, @PathVariable String kind) {
        MediaKind mediaKind = MediaKind.fromWire(kind).orElseThrow();
        if (!attachments.remove(caller.accountId(), PathUuids.parse(uuid), mediaKind, caller.apiKeyId())) {
            throw ApiException.notFound();
        }
        return ResponseEntity.noContent().build();
    }

    /** The link a CRM can keep: it never expires for a key that may read the call, and leads to a fresh signed one. */
    @GetMapping
    ResponseEntity<Map<String, Object>> stableLink(Caller caller, @PathVariable String uuid, @PathVariable String kind) {
        UUID call = PathUuids.parse(uuid);
        MediaKind mediaKind = MediaKind.fromWire(kind).orElseThrow();
        store.find(caller.accountId(), call, mediaKind).orElseThrow(ApiException::notFound);
        String url = links.url(caller.accountId(), call, mediaKind);
        return ResponseEntity.status(HttpStatus.FOUND).location(URI.create(url))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(Map.of("data", Map.of("url", url)));
    }

    private ResponseEntity<Map<String, Object>> fetchLater(Caller caller, UUID call, MediaKind kind, InputStream body)
            throws IOException {
        byte[] bytes = body.readNBytes(MAX_JSON_BODY + 1);
        if (bytes.length > MAX_JSON_BODY) {
            throw new ApiException(HttpStatus.CONTENT_TOO_LARGE, "A JSON body here is at most " + MAX_JSON_BODY + " bytes.");
        }
        Map<String, Object> parsed;
        try {
            parsed = json.readValue(bytes, OBJECT);
        } catch (InvalidTextException e) {
            throw e.toValidation("");
        } catch (JacksonException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "The request body is not valid JSON.");
        }
        URI source = SourceUrl.read(parsed == null ? Map.of() : parsed, guard);
        Instant deadline = clock.instant().plus(fetch.deadline());
        attachments.enqueueFetch(caller.accountId(), call, kind, source.toString(), caller.apiKeyId(), deadline);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("call_uuid", call.toString());
        data.put("kind", kind.wire());
        data.put("status", "fetching");
        data.put("source_url", source.toString());
        data.put("deadline", Timestamps.wire(deadline));
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("data", data));
    }

    private Map<String, Object> describe(StoredMedia media) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("call_uuid", media.callUuid().toString());
        data.put("kind", media.kind().wire());
        data.put("content_type", media.contentType());
        data.put("size", media.size());
        data.put("sha256", media.sha256());
        data.put("stored_at", Timestamps.wire(media.storedAt()));
        data.put("url", links.url(media.accountId(), media.callUuid(), media.kind()));
        return data;
    }
}
