package io.callrecords.sources.hipcall;

import io.callrecords.sources.SourceEndpoints;
import io.callrecords.sources.SourcesOpenApi;

import io.callrecords.accounts.Caller;
import io.callrecords.accounts.Scope;
import io.callrecords.shared.ApiException;
import io.callrecords.shared.CallrecordsProperties;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /api/v3/sources/hipcall}: mirror a Hipcall account (docs/hipcall.md). The webhook URL carries its own
 * unguessable token instead of an API key (Hipcall sends no signature and no header we could set); the rest needs
 * the {@code admin} scope, and the import the {@code write} scope of a machine key or an administrator.
 */
@RestController
@Tag(name = SourcesOpenApi.TAG, description = SourcesOpenApi.TAG_DESCRIPTION)
class HipcallController {

    private final HipcallMirrors mirrors;
    private final HipcallMirror mirror;
    private final HipcallSettings settings;
    private final HipcallImport importer;
    private final JsonMapper json;
    private final long bodyLimit;
    private final CallrecordsProperties properties;

    HipcallController(HipcallMirrors mirrors, HipcallMirror mirror, HipcallSettings settings, HipcallImport importer,
                      JsonMapper json, CallrecordsProperties properties) {
        this.mirrors = mirrors;
        this.mirror = mirror;
        this.settings = settings;
        this.importer = importer;
        this.json = json;
        this.bodyLimit = properties.api().bodyLimit().toBytes();
        this.properties = properties;
    }

    @PostMapping(HipcallSettings.WEBHOOK_PATH + "{token}")
    @Operation(operationId = "receiveHipcallWebhook", summary = "Hipcall's webhook (the URL to paste into Hipcall)",
            description = """
                    Takes Hipcall's webhook bodies as Hipcall sends them ({"event", "data"}), with no API key: the token
                    in the path is the credential. The body is kept before the answer; call_init creates a live call,
                    call_hangup completes it; any other event is kept only.""")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
            mediaType = "application/json", schema = @Schema(type = "object", description = "Hipcall's {event, data}"),
            examples = @ExampleObject(value = "{\"event\": \"call_hangup\", \"data\": {\"uuid\": \"28504f46-31c2-4962-9d67-3c013838e339\", \"direction\": \"outbound\", \"started_at\": \"2026-03-26T12:31:32Z\", \"ended_at\": \"2026-03-26T12:31:42Z\", \"...\": \"...\"}}")))
    @ApiResponse(responseCode = "200", description = "Kept", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = HipcallApiTypes.HipcallReceiptBody.class),
            examples = @ExampleObject(value = "{\"data\": {\"stored\": 1, \"duplicates\": 0, \"problems\": []}}")))
    HipcallApiTypes.HipcallReceiptBody webhook(@PathVariable String token, HttpServletRequest request) throws IOException {
        long accountId = mirrors.accountOfToken(token).orElseThrow(ApiException::notFound);
        String body = text(request.getInputStream());
        Object parsed;
        try {
            parsed = json.readValue(body, Object.class);
        } catch (JacksonException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "The body is not JSON: Hipcall sends {\"event\": ..., \"data\": {...}}.");
        }
        if (!(parsed instanceof Map<?, ?> map)) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "The body is not a JSON object: Hipcall sends {\"event\": ..., \"data\": {...}}.");
        }
        String apiBase = mirrors.find(accountId).map(HipcallMirrors.Mirror::apiBaseUrl).orElseThrow(ApiException::notFound);
        String contentType = request.getContentType() == null ? "application/json" : request.getContentType();
        HipcallMirror.Outcome outcome = mirror.webhook(accountId, contentType, body, map, apiBase);
        return new HipcallApiTypes.HipcallReceiptBody(new HipcallApiTypes.HipcallReceipt(outcome.stored(), outcome.duplicates(),
                outcome.problems()));
    }

    @GetMapping("/api/v3/sources/hipcall")
    @Operation(operationId = "getHipcallMirror", summary = "The Hipcall mirror: its webhook URL, settings, last polls and problems")
    @ApiResponse(responseCode = "200", description = "The mirror", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = HipcallApiTypes.HipcallMirrorBody.class),
            examples = @ExampleObject(value = HipcallApiTypes.MIRROR_EXAMPLE)))
    HipcallApiTypes.HipcallMirrorBody get(Caller caller, HttpServletRequest request) {
        caller.require(Scope.ADMIN);
        return view(caller.accountId(), request);
    }

    @PutMapping("/api/v3/sources/hipcall")
    @Operation(operationId = "putHipcallMirror", summary = "Mirror a Hipcall account",
            description = """
                    The key is optional (without it the mirror keeps webhooks and fetches media but does not poll) and
                    never read back. The first PUT makes the webhook URL.""")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
            mediaType = "application/json", schema = @Schema(implementation = HipcallApiTypes.HipcallMirrorRequest.class),
            examples = @ExampleObject(value = "{\"api_base_url\": \"https://use.hipcall.com.tr\", \"api_key\": \"g2gDbQAAACd5...\"}")))
    @ApiResponse(responseCode = "200", description = "The mirror", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = HipcallApiTypes.HipcallMirrorBody.class),
            examples = @ExampleObject(value = HipcallApiTypes.MIRROR_EXAMPLE)))
    HipcallApiTypes.HipcallMirrorBody put(Caller caller, HttpServletRequest request) throws IOException {
        caller.require(Scope.ADMIN);
        settings.configure(caller.accountId(), object(text(request.getInputStream())));
        return view(caller.accountId(), request);
    }

    @DeleteMapping("/api/v3/sources/hipcall")
    @Operation(operationId = "deleteHipcallMirror", summary = "Stop mirroring Hipcall",
            description = "The webhook URL stops working and polling stops; the mirrored calls stay.")
    @ApiResponse(responseCode = "204", description = "Stopped")
    ResponseEntity<Void> delete(Caller caller) {
        caller.require(Scope.ADMIN);
        settings.stop(caller.accountId());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/v3/sources/hipcall/rotate-token")
    @Operation(operationId = "rotateHipcallToken", summary = "A new webhook URL",
            description = "The old URL stops working at once: paste the new one into Hipcall's webhook integration.")
    @ApiResponse(responseCode = "200", description = "The mirror with its new URL", content = @Content(
            mediaType = "application/json", schema = @Schema(implementation = HipcallApiTypes.HipcallMirrorBody.class),
            examples = @ExampleObject(value = HipcallApiTypes.MIRROR_EXAMPLE)))
    HipcallApiTypes.HipcallMirrorBody rotate(Caller caller, HttpServletRequest request) {
        caller.require(Scope.ADMIN);
        settings.rotate(caller.accountId());
        return view(caller.accountId(), request);
    }

    @PostMapping("/api/v3/sources/hipcall/import")
    @Operation(operationId = "importHipcall", summary = "Import a Hipcall webhook log or API export",
            description = """
                    NDJSON of {"event", "data"} lines (call_init lines included), or Hipcall's records as its API lists
                    them (a JSON array, {"data": [...]}, or NDJSON; legacy integer enums too). All or nothing: a bad line
                    is a 422 naming it (records[3].data.started_at); importing again changes nothing.""")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = {
            @Content(mediaType = "application/x-ndjson", schema = @Schema(type = "string"), examples = @ExampleObject(
                    value = "{\"event\": \"call_init\", \"data\": {\"uuid\": \"28504f46-31c2-4962-9d67-3c013838e339\", \"...\": \"...\"}}\n{\"event\": \"call_hangup\", \"data\": {\"uuid\": \"28504f46-31c2-4962-9d67-3c013838e339\", \"...\": \"...\"}}\n")),
            @Content(mediaType = "application/json", schema = @Schema(type = "object",
                    description = "Hipcall's list answer {\"data\": [records]} or an array of records"),
                    examples = @ExampleObject(value = "{\"data\": [{\"uuid\": \"28504f46-31c2-4962-9d67-3c013838e339\", \"direction\": 2, \"...\": \"...\"}]}"))})
    @ApiResponse(responseCode = "200", description = "Kept and written", content = @Content(
            mediaType = "application/json", schema = @Schema(implementation = HipcallApiTypes.HipcallImportedBody.class),
            examples = @ExampleObject(value = "{\"data\": {\"stored\": 2, \"duplicates\": 0, \"records\": 1, \"changed\": 1, \"problems\": []}}")))
    HipcallApiTypes.HipcallImportedBody importLog(Caller caller, HttpServletRequest request) throws IOException {
        if (caller.userId() != null) {
            caller.require(Scope.ADMIN);
        }
        String apiBase = mirrors.find(caller.accountId()).map(HipcallMirrors.Mirror::apiBaseUrl)
                .orElse("https://use.hipcall.com.tr");
        HipcallMirror.Outcome outcome = importer.importText(caller.accountId(), text(request.getInputStream()), apiBase);
        return new HipcallApiTypes.HipcallImportedBody(new HipcallApiTypes.HipcallImported(outcome.stored(), outcome.duplicates(),
                outcome.mirrored(), outcome.changed(), outcome.problems()));
    }

    private HipcallApiTypes.HipcallMirrorBody view(long accountId, HttpServletRequest request) {
        HipcallSettings.Status s = settings.status(accountId).orElseThrow(HipcallSettings::notMirroring);
        String url = base(request) + s.webhookPath();
        return new HipcallApiTypes.HipcallMirrorBody(new HipcallApiTypes.HipcallMirrorView("hipcall", url, url, s.apiKeySet(),
                new HipcallApiTypes.HipcallMirrorSettings(s.apiBaseUrl(), s.apiKeySet()),
                s.polls().stream().map(p -> new HipcallApiTypes.HipcallPoll(p.startedAt().toString(), p.windowFrom().toString(),
                        p.windowTo().toString(), p.requests(), p.records(), p.changed(), p.error())).toList(),
                s.problems().stream().map(p -> new HipcallApiTypes.HipcallProblem(p.at().toString(), p.callUuid(), p.problem()))
                        .toList()));
    }

    private String base(HttpServletRequest request) {
        return SourceEndpoints.base(properties);
    }

    private Map<?, ?> object(String text) {
        try {
            if (json.readValue(text, Object.class) instanceof Map<?, ?> map) {
                return map;
            }
        } catch (JacksonException e) {
            // below
        }
        throw new ApiException(HttpStatus.BAD_REQUEST, "The body is not a JSON object.");
    }

    /** The body as UTF-8 text up to the limit; kept exactly as it came. */
    private String text(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, bodyLimit + 1));
        if (bytes.length > bodyLimit) {
            throw new ApiException(HttpStatus.CONTENT_TOO_LARGE, "The body is larger than " + bodyLimit + " bytes.");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "The body is not UTF-8 text.");
        }
    }
}
