package io.callrecords.sources.hipcall;

import io.callrecords.accounts.Caller;
import io.callrecords.accounts.Scope;
import io.callrecords.shared.ApiException;
import io.callrecords.shared.CallrecordsProperties;
import io.callrecords.shared.FieldErrors;
import io.callrecords.shared.OutboundGuard;
import io.callrecords.sources.SourceKind;
import io.callrecords.sources.SourceProfiles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
@Tag(name = "Sources", description = "Calls from the phone systems an account already has")
class HipcallController {

    static final String WEBHOOK_PATH = "/api/v3/sources/hipcall/webhook/";
    private static final Set<String> SETTINGS_FIELDS = Set.of("api_base_url", "api_key", "raw_document_retention_days");

    private final HipcallMirrors mirrors;
    private final HipcallMirror mirror;
    private final HipcallSecrets secrets;
    private final HipcallImport importer;
    private final OutboundGuard guard;
    private final SourceProfiles profiles;
    private final JsonMapper json;
    private final long bodyLimit;
    private final String publicBaseUrl;

    HipcallController(HipcallMirrors mirrors, HipcallMirror mirror, HipcallSecrets secrets, HipcallImport importer,
                      OutboundGuard guard, SourceProfiles profiles, JsonMapper json, CallrecordsProperties properties) {
        this.profiles = profiles;
        this.mirrors = mirrors;
        this.mirror = mirror;
        this.secrets = secrets;
        this.importer = importer;
        this.guard = guard;
        this.json = json;
        this.bodyLimit = properties.api().bodyLimit().toBytes();
        String base = properties.publicBaseUrl();
        this.publicBaseUrl = base == null || base.isBlank() ? null : base.replaceAll("/+$", "");
    }

    @PostMapping(WEBHOOK_PATH + "{token}")
    @Operation(operationId = "receiveHipcallWebhook", summary = "Hipcall's webhook (the URL to paste into Hipcall)",
            description = """
                    Takes Hipcall's webhook bodies as Hipcall sends them ({"event", "data"}). The body is kept before the
                    answer; call_init creates a live call, call_hangup completes it; any other event is kept only.""")
    ResponseEntity<Map<String, Object>> webhook(@PathVariable String token, HttpServletRequest request) throws IOException {
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
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("stored", outcome.stored());
        data.put("duplicates", outcome.duplicates());
        data.put("problems", outcome.problems());
        return ResponseEntity.ok(Map.of("data", data));
    }

    @GetMapping("/api/v3/sources/hipcall")
    @Operation(operationId = "getHipcallMirror", summary = "The Hipcall mirror: its webhook URL and settings")
    Map<String, Object> get(Caller caller, HttpServletRequest request) {
        caller.require(Scope.ADMIN);
        return view(mirrors.find(caller.accountId()).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND,
                "This account does not mirror Hipcall: PUT /api/v3/sources/hipcall with {\"api_base_url\": ...}.")), request);
    }

    @PutMapping("/api/v3/sources/hipcall")
    @Operation(operationId = "putHipcallMirror", summary = "Mirror a Hipcall account",
            description = """
                    {"api_base_url": "https://use.hipcall.com.tr", "api_key": "..."}: the key is optional (without it the
                    mirror keeps webhooks and fetches media but does not poll) and never read back.""")
    Map<String, Object> put(Caller caller, HttpServletRequest request) throws IOException {
        caller.require(Scope.ADMIN);
        Map<?, ?> body = object(text(request.getInputStream()));
        FieldErrors errors = new FieldErrors();
        body.keySet().stream().map(String::valueOf).filter(k -> !SETTINGS_FIELDS.contains(k)).sorted()
                .forEach(k -> errors.add(k, "is not a setting of the Hipcall mirror"));
        String base = null;
        if (!(body.get("api_base_url") instanceof String text) || text.isBlank()) {
            errors.add("api_base_url", "is required: Hipcall's address, such as https://use.hipcall.com.tr");
        } else {
            base = baseUrl(text.strip(), errors);
        }
        Object key = body.get("api_key");
        if (key != null && (!(key instanceof String k) || k.isBlank() || k.length() > 4096)) {
            errors.add("api_key", "must be Hipcall's API token (a non-empty string), or left out");
        }
        Object retention = body.get("raw_document_retention_days");
        if (retention != null && (!(retention instanceof Integer days) || days < 1 || days > 3650)) {
            errors.add("raw_document_retention_days", "must be a whole number of days from 1 to 3650");
        }
        errors.throwIfAny();
        mirrors.upsert(caller.accountId(), base, key == null ? null : secrets.encrypt((String) key), key != null);
        if (retention != null) {
            profiles.write(caller.accountId(), SourceKind.HIPCALL, new HipcallProfile((Integer) retention));
        }
        return view(mirrors.find(caller.accountId()).orElseThrow(), request);
    }

    @DeleteMapping("/api/v3/sources/hipcall")
    @Operation(operationId = "deleteHipcallMirror", summary = "Stop mirroring Hipcall",
            description = "The webhook URL stops working and polling stops; the mirrored calls stay.")
    ResponseEntity<Void> delete(Caller caller) {
        caller.require(Scope.ADMIN);
        if (!mirrors.delete(caller.accountId())) {
            throw ApiException.notFound();
        }
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/v3/sources/hipcall/rotate-token")
    @Operation(operationId = "rotateHipcallToken", summary = "A new webhook URL",
            description = "The old URL stops working at once: paste the new one into Hipcall's webhook integration.")
    Map<String, Object> rotate(Caller caller, HttpServletRequest request) {
        caller.require(Scope.ADMIN);
        if (!mirrors.rotateToken(caller.accountId())) {
            throw ApiException.notFound();
        }
        return view(mirrors.find(caller.accountId()).orElseThrow(), request);
    }

    @PostMapping("/api/v3/sources/hipcall/import")
    @Operation(operationId = "importHipcall", summary = "Import a Hipcall webhook log or API export",
            description = """
                    NDJSON of {"event", "data"} lines (call_init lines included), or Hipcall's records as its API lists
                    them (a JSON array, {"data": [...]}, or NDJSON; legacy integer enums too). All or nothing: a bad line
                    is a 422 naming it (records[3].started_at); importing again changes nothing.""")
    Map<String, Object> importLog(Caller caller, HttpServletRequest request) throws IOException {
        if (caller.userId() != null) {
            caller.require(Scope.ADMIN);
        }
        String apiBase = mirrors.find(caller.accountId()).map(HipcallMirrors.Mirror::apiBaseUrl)
                .orElse("https://use.hipcall.com.tr");
        HipcallMirror.Outcome outcome = importer.importText(caller.accountId(), text(request.getInputStream()), apiBase);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("stored", outcome.stored());
        data.put("duplicates", outcome.duplicates());
        data.put("records", outcome.mirrored());
        data.put("changed", outcome.changed());
        data.put("problems", outcome.problems());
        return Map.of("data", data);
    }

    private Map<String, Object> view(HipcallMirrors.Mirror m, HttpServletRequest request) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("api_base_url", m.apiBaseUrl());
        settings.put("api_key_set", m.apiKeyEncrypted() != null);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("kind", "hipcall");
        data.put("webhook_url", webhookUrl(m, request));
        data.put("endpoint_url", webhookUrl(m, request));
        data.put("polling", m.apiKeyEncrypted() != null);
        data.put("settings", settings);
        data.put("recent_polls", mirrors.recentPolls(m.accountId(), 10).stream().map(p -> {
            Map<String, Object> poll = new LinkedHashMap<>();
            poll.put("started_at", p.startedAt().toString());
            poll.put("window_from", p.windowFrom().toString());
            poll.put("window_to", p.windowTo().toString());
            poll.put("requests", p.requests());
            poll.put("records", p.records());
            poll.put("changed", p.changed());
            poll.put("error", p.error());
            return poll;
        }).toList());
        data.put("problems", mirrors.recentProblems(m.accountId(), 20).stream().map(p -> {
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("at", p.at().toString());
            problem.put("call_uuid", p.callUuid() == null ? null : p.callUuid().toString());
            problem.put("problem", p.problem());
            return problem;
        }).toList());
        return Map.of("data", data);
    }

    String webhookUrl(HipcallMirrors.Mirror m, HttpServletRequest request) {
        String base = publicBaseUrl != null ? publicBaseUrl
                : request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort();
        return base + WEBHOOK_PATH + m.webhookToken();
    }

    /** Hipcall's address: http(s), a host the service may reach (a private or loopback one only when allowed). */
    private String baseUrl(String text, FieldErrors errors) {
        URI uri;
        try {
            uri = URI.create(text);
        } catch (IllegalArgumentException e) {
            errors.add("api_base_url", "is not a URL");
            return null;
        }
        if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null
                || uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            errors.add("api_base_url", "must be an http(s) address such as https://use.hipcall.com.tr");
            return null;
        }
        try {
            guard.checkWithoutResolving(uri.getHost());
        } catch (OutboundGuard.Refused e) {
            errors.add("api_base_url", e.getMessage());
            return null;
        }
        return text.replaceAll("/+$", "").replaceAll("/api/v3$", "");
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
