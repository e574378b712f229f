package io.callrecords.media;

import io.callrecords.accounts.Caller;
import io.callrecords.shared.ApiException;
import io.callrecords.shared.CallrecordsProperties;
import io.callrecords.shared.InvalidTextException;
import io.callrecords.shared.OutboundGuard;
import io.callrecords.shared.PathUuids;
import io.callrecords.shared.Timestamps;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
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
 * answers 302 to a fresh signed one. The call need not exist yet, or may have ended long ago; for an agent it must be
 * one of their own calls (any other is 404, as the call is).
 */
@RestController
@RequestMapping("/api/v3/calls/{uuid}/{kind:recording|voicemail}")
@Tag(name = MediaViews.TAG, description = MediaViews.TAG_DESCRIPTION)
class MediaController {

    private static final int MAX_JSON_BODY = 16 * 1024;
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

    private final MediaSpool spool;
    private final MediaCallAccess access;
    private final MediaAttachments attachments;
    private final MediaStore store;
    private final MediaLinks links;
    private final FetchJobs jobs;
    private final OutboundGuard guard;
    private final JsonMapper json;
    private final Clock clock;
    private final CallrecordsProperties.Fetch fetch;

    MediaController(MediaSpool spool, MediaCallAccess access, MediaAttachments attachments, MediaStore store, MediaLinks links, FetchJobs jobs,
                    OutboundGuard guard, JsonMapper json, Clock clock, CallrecordsProperties properties) {
        this.spool = spool;
        this.access = access;
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
    @Operation(operationId = "putMedia", summary = "Upload a call's recording or voicemail", description = """
            The audio itself (audio/mpeg, audio/wav or audio/ogg; its bytes must be of that type), or JSON
            {"source_url": "https://..."} to have the service fetch it. Replaces what the call had.""")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = {
            @Content(mediaType = "audio/mpeg", schema = @Schema(type = "string", format = "binary"),
                    examples = @ExampleObject(value = "(MP3 bytes)")),
            @Content(mediaType = "audio/wav", schema = @Schema(type = "string", format = "binary"),
                    examples = @ExampleObject(value = "(WAV bytes)")),
            @Content(mediaType = "audio/ogg", schema = @Schema(type = "string", format = "binary"),
                    examples = @ExampleObject(value = "(Ogg bytes)")),
            @Content(mediaType = "application/json", schema = @Schema(implementation = MediaViews.FetchRequest.class),
                    examples = @ExampleObject(value = "{\"source_url\": \"https://pbx.example.com/recordings/caedfd1b.mp3\"}"))})
    @ApiResponse(responseCode = "201", description = "Stored", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = MediaViews.StoredBody.class)))
    @ApiResponse(responseCode = "200", description = "Stored in place of the call's earlier one", content = @Content(
            mediaType = "application/json", schema = @Schema(implementation = MediaViews.StoredBody.class)))
    @ApiResponse(responseCode = "202", description = "To be fetched from source_url", content = @Content(
            mediaType = "application/json", schema = @Schema(implementation = MediaViews.FetchBody.class)))
    ResponseEntity<Object> put(Caller caller, @Parameter(example = "caedfd1b-25ec-447e-ad87-3b7eb3d358ea") @PathVariable String uuid,
            @Parameter(schema = @Schema(allowableValues = {"recording", "voicemail"})) @PathVariable String kind,
                               HttpServletRequest request) throws IOException {
        UUID call = PathUuids.parse(uuid);
        MediaKind mediaKind = MediaKind.fromWire(kind).orElseThrow();
        access.require(caller, call);
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
                MediaAttachments.Origin.upload(Actor.of(caller))).orElseThrow();
        return ResponseEntity.status(attached.replaced() ? HttpStatus.OK : HttpStatus.CREATED)
                .body(new MediaViews.StoredBody(describe(attached.media())));
    }

    @DeleteMapping
    @Operation(operationId = "deleteMedia", summary = "Delete a call's recording or voicemail")
    @ApiResponse(responseCode = "204", description = "Deleted")
    ResponseEntity<Void> delete(Caller caller, @Parameter(example = "caedfd1b-25ec-447e-ad87-3b7eb3d358ea") @PathVariable String uuid,
            @Parameter(schema = @Schema(allowableValues = {"recording", "voicemail"})) @PathVariable String kind) {
        MediaKind mediaKind = MediaKind.fromWire(kind).orElseThrow();
        UUID call = PathUuids.parse(uuid);
        access.require(caller, call);
        if (!attachments.remove(caller.accountId(), call, mediaKind, Actor.of(caller))) {
            throw ApiException.notFound();
        }
        return ResponseEntity.noContent().build();
    }

    /** The link a CRM can keep: it never expires for a key that may read the call, and leads to a fresh signed one. */
    @GetMapping
    @Operation(operationId = "getMediaLink", summary = "The stable link to a call's recording or voicemail",
            description = "Redirects to a fresh signed URL (valid for 4 hours), also given in the body.")
    @ApiResponse(responseCode = "302", description = "To the signed URL (Location)", content = @Content(
            mediaType = "application/json", schema = @Schema(implementation = MediaViews.LinkBody.class)))
    ResponseEntity<MediaViews.LinkBody> stableLink(Caller caller, @Parameter(example = "caedfd1b-25ec-447e-ad87-3b7eb3d358ea") @PathVariable String uuid,
            @Parameter(schema = @Schema(allowableValues = {"recording", "voicemail"})) @PathVariable String kind) {
        UUID call = PathUuids.parse(uuid);
        MediaKind mediaKind = MediaKind.fromWire(kind).orElseThrow();
        access.require(caller, call);
        store.find(caller.accountId(), call, mediaKind).orElseThrow(ApiException::notFound);
        String url = links.url(caller.accountId(), call, mediaKind);
        return ResponseEntity.status(HttpStatus.FOUND).location(URI.create(url))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(new MediaViews.LinkBody(new MediaViews.Link(url)));
    }

    private ResponseEntity<Object> fetchLater(Caller caller, UUID call, MediaKind kind, InputStream body)
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
        attachments.enqueueFetch(caller.accountId(), call, kind, source.toString(), Actor.of(caller), deadline);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new MediaViews.FetchBody(new MediaViews.Fetch(
                call.toString(), kind.wire(), "fetching", source.toString(), Timestamps.wire(deadline))));
    }

    private MediaViews.Stored describe(StoredMedia media) {
        return new MediaViews.Stored(media.callUuid().toString(), media.kind().wire(), media.contentType(), media.size(),
                media.sha256(), Timestamps.wire(media.storedAt()), links.url(media.accountId(), media.callUuid(),
                media.kind()));
    }
}
