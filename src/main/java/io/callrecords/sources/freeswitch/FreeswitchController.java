package io.callrecords.sources.freeswitch;

import io.callrecords.sources.SourcesOpenApi;

import io.callrecords.accounts.Caller;
import io.callrecords.accounts.Scope;
import io.callrecords.shared.ApiException;
import io.callrecords.shared.CallrecordsProperties;
import io.callrecords.shared.FieldErrors;
import io.callrecords.sources.SourceIntake;
import io.callrecords.sources.SourceKind;
import io.callrecords.sources.SourceProfiles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /api/v3/sources/freeswitch}: the CDRs FreeSWITCH's modules post (one leg each), and the account's profile of
 * its FreeSWITCH. A CDR is answered 200 only once it is stored for good: FreeSWITCH retries on anything else.
 */
@RestController
@Tag(name = SourcesOpenApi.TAG, description = SourcesOpenApi.TAG_DESCRIPTION)
class FreeswitchController {

    static final String CDR_PATH = "/api/v3/sources/freeswitch/cdr";

    /** What a posted leg became. */
    record CallView(UUID callUuid, int events, boolean finished, String problem) {}

    record Received(int stored, int duplicates, List<CallView> calls) {}

    record SourceView(String kind, FreeswitchProfile settings, String endpointUrl) {}

    /** The answers' envelopes, for the OpenAPI document. */
    record ReceivedBody(Received data) {}

    record SourceBody(SourceView data) {}

    private static final String PROFILE_EXAMPLE = """
            {"trunk_profiles": ["external"], "trunk_gateways": ["trunk1"], "ivr_names": {"5b7f0000-0000-4000-8000-00000000a1a1": "Main menu"},
             "closed_hours_names": ["closed", "after_hours"], "default_region": "TR",
             "recordings_url": "https://pbx.example.com/recordings/{domain_name}/{record_name}", "raw_document_retention_days": 30}""";
    private static final String SOURCE_EXAMPLE = "{\"data\": {\"kind\": \"freeswitch\", \"settings\": " + PROFILE_EXAMPLE
            + ", \"endpoint_url\": \"https://calls.example.com/api/v3/sources/freeswitch/cdr\"}}";
    private static final String CDR_EXAMPLE = "{\"switchname\": \"pbx1\", \"variables\": {\"uuid\":"
            + " \"4a6f0c5e-1b2d-4e3f-8a9b-0c1d2e3f4a5b\", \"call_direction\": \"inbound\", \"caller_id_number\":"
            + " \"+905321234567\", \"destination_number\": \"+908502010000\", \"start_uepoch\": \"1796119200000000\","
            + " \"end_uepoch\": \"1796119265400000\", \"sip_hangup_disposition\": \"recv_bye\"}, \"app_log\":"
            + " {\"applications\": [{\"app_name\": \"bridge\", \"app_data\": \"user/1001@pbx.example.com\"}]}}";

    private final FreeswitchIntake intake;
    private final SourceProfiles profiles;
    private final JsonMapper json;
    private final CallrecordsProperties properties;
    private final long bodyLimit;

    FreeswitchController(FreeswitchIntake intake, SourceProfiles profiles, JsonMapper json,
                         CallrecordsProperties properties) {
        this.intake = intake;
        this.profiles = profiles;
        this.json = json;
        this.properties = properties;
        this.bodyLimit = properties.api().bodyLimit().toBytes();
    }

    @PostMapping(CDR_PATH)
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = {
            @Content(mediaType = "application/json", schema = @Schema(type = "object"),
                    examples = @ExampleObject(value = CDR_EXAMPLE)),
            @Content(mediaType = "application/x-www-form-urlencoded", schema = @Schema(type = "string"),
                    examples = @ExampleObject(value = "cdr=%7B%22variables%22%3A%7B%22uuid%22%3A%22...%22%7D%7D")),
            @Content(mediaType = "application/x-www-form-base64-encoded", schema = @Schema(type = "string"),
                    examples = @ExampleObject(value = "cdr=eyJ2YXJpYWJsZXMiOnsidXVpZCI6Ii4uLiJ9fQ=="))})
    @ApiResponse(responseCode = "200", description = "Stored; what the leg's call became", content = @Content(
            mediaType = "application/json", schema = @Schema(implementation = ReceivedBody.class),
            examples = @ExampleObject(value = "{\"data\": {\"stored\": 1, \"duplicates\": 0, \"calls\": [{\"call_uuid\":"
                    + " \"4a6f0c5e-1b2d-4e3f-8a9b-0c1d2e3f4a5b\", \"events\": 6, \"finished\": true, \"problem\": null}]}}")))
    @Operation(operationId = "postFreeswitchCdr", summary = "Receive a FreeSWITCH CDR", description = """
            One leg's CDR as mod_json_cdr, mod_xml_cdr or mod_format_cdr post it: raw JSON, cdr= form-encoded JSON or
            XML, or cdr= base64; values %-encoded or not. Bearer key or HTTP Basic with the key as password. 200 once
            stored; a retry of a stored leg is acknowledged and changes nothing; 400 when the body is no CDR.""")
    Map<String, Received> receive(Caller caller, HttpServletRequest request) throws IOException {
        if (caller.userId() != null) {
            caller.require(Scope.ADMIN);
        }
        byte[] body = read(request.getInputStream());
        String cdr = body.length == 0 ? request.getParameter("cdr") : null;
        if (cdr != null) {
            // The container read a form body into parameters before us (any filter asking for one does): put it back.
            body = ("cdr=" + URLEncoder.encode(cdr, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
        }
        SourceIntake.Receipt receipt;
        try {
            receipt = intake.accept(caller.accountId(), request.getContentType(), body);
        } catch (CdrBody.Unreadable e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, e.getMessage());
        }
        return Map.of("data", new Received(receipt.stored().size(), receipt.duplicates(), receipt.calls().stream()
                .map(c -> new CallView(c.callUuid(), c.events(), c.finished(), c.problem())).toList()));
    }

    @GetMapping("/api/v3/sources/freeswitch")
    @ApiResponse(responseCode = "200", description = "The profile in force and the endpoint", content = @Content(
            mediaType = "application/json", schema = @Schema(implementation = SourceBody.class),
            examples = @ExampleObject(value = SOURCE_EXAMPLE)))
    @Operation(operationId = "getFreeswitchSource", summary = "The account's FreeSWITCH profile and endpoint")
    Map<String, SourceView> get(Caller caller) {
        caller.require(Scope.ADMIN);
        return view(caller);
    }

    @PutMapping("/api/v3/sources/freeswitch")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
            mediaType = "application/json", schema = @Schema(implementation = FreeswitchProfile.class),
            examples = @ExampleObject(value = PROFILE_EXAMPLE)))
    @ApiResponse(responseCode = "200", description = "The new profile in force and the endpoint", content = @Content(
            mediaType = "application/json", schema = @Schema(implementation = SourceBody.class),
            examples = @ExampleObject(value = SOURCE_EXAMPLE)))
    @Operation(operationId = "putFreeswitchSource", summary = "Set the account's FreeSWITCH profile", description = """
            The whole profile (fields left out take their defaults); a new version, in force for every translation
            from now on and for ./callrecords sources rederive.""")
    Map<String, SourceView> put(Caller caller, @RequestBody Map<String, Object> body) {
        caller.require(Scope.ADMIN);
        profiles.write(caller.accountId(), SourceKind.FREESWITCH, read(body));
        return view(caller);
    }

    private Map<String, SourceView> view(Caller caller) {
        FreeswitchProfile profile = profiles.read(caller.accountId(), SourceKind.FREESWITCH, FreeswitchProfile.class,
                FreeswitchProfile.defaults());
        return Map.of("data", new SourceView(SourceKind.FREESWITCH.wire(), profile, FreeswitchSnippets.endpointUrl(properties)));
    }

    private static final List<String> FIELDS = List.of("trunk_profiles", "trunk_gateways", "ivr_names",
            "closed_hours_names", "default_region", "recordings_url", "raw_document_retention_days");

    /** The profile of a PUT, every problem named by its field (422). */
    private FreeswitchProfile read(Map<String, Object> body) {
        FieldErrors errors = new FieldErrors();
        for (String key : body.keySet()) {
            if (!FIELDS.contains(key)) {
                errors.add(key, "is not a setting of the FreeSWITCH profile; the settings are " + String.join(", ", FIELDS));
            }
        }
        for (String list : List.of("trunk_profiles", "trunk_gateways", "closed_hours_names")) {
            Object v = body.get(list);
            if (v != null && !(v instanceof List<?> items && items.stream().allMatch(i -> i instanceof String))) {
                errors.add(list, "must be an array of strings");
            }
        }
        Object names = body.get("ivr_names");
        if (names != null && !(names instanceof Map<?, ?> m && m.values().stream().allMatch(i -> i instanceof String))) {
            errors.add("ivr_names", "must be an object of names by the ivr application's argument");
        }
        Object region = body.get("default_region");
        if (region != null && !(region instanceof String r && r.matches("[A-Z]{2}"))) {
            errors.add("default_region", "must be an ISO 3166 country code in capitals, like TR");
        }
        Object url = body.get("recordings_url");
        if (url != null && !(url instanceof String u && validUrl(u))) {
            errors.add("recordings_url", "must be an http(s) URL, with {record_path}, {record_name}, {domain_name} or"
                    + " {uuid} where the leg's values go");
        }
        Object days = body.get("raw_document_retention_days");
        if (days != null && !(days instanceof Integer d && d >= 1 && d <= 3650)) {
            errors.add("raw_document_retention_days", "must be a whole number of days from 1 to 3650");
        }
        errors.throwIfAny();
        return json.convertValue(body, FreeswitchProfile.class);
    }

    private static boolean validUrl(String template) {
        try {
            URI uri = URI.create(template.replaceAll("\\{(record_path|record_name|domain_name|uuid)}", "x"));
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private byte[] read(InputStream in) throws IOException {
        byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, bodyLimit + 1));
        if (body.length > bodyLimit) {
            throw new ApiException(HttpStatus.CONTENT_TOO_LARGE, "The body is larger than " + bodyLimit + " bytes.");
        }
        return body;
    }
}
