package io.callrecords.sources.asterisk;

import io.callrecords.sources.SourceEndpoints;
import io.callrecords.sources.SourcesOpenApi;

import io.callrecords.accounts.Caller;
import io.callrecords.accounts.Scope;
import io.callrecords.shared.ApiException;
import io.callrecords.shared.CallrecordsProperties;
import io.callrecords.shared.ValidationException;
import io.callrecords.sources.SourceKind;
import io.callrecords.sources.SourceProfiles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * Asterisk's endpoints (sources.md, "Asterisk"): CEL and queue_log in, all or nothing per request, and the account's
 * profile. A document is acknowledged (200) once it is stored; its call is translated before the answer.
 */
@RestController
@Tag(name = SourcesOpenApi.TAG, description = SourcesOpenApi.TAG_DESCRIPTION)
class AsteriskController {

    private final AsteriskIntake intake;
    private final SourceProfiles profiles;
    private final JsonMapper json;
    private final long bodyLimit;
    private final CallrecordsProperties properties;

    AsteriskController(AsteriskIntake intake, SourceProfiles profiles, JsonMapper json,
                       CallrecordsProperties properties) {
        this.intake = intake;
        this.profiles = profiles;
        this.json = json;
        this.bodyLimit = properties.api().bodyLimit().toBytes();
        this.properties = properties;
    }

    @PostMapping("/api/v3/sources/asterisk/cel")
    @Operation(operationId = "postAsteriskCel", summary = "Send Asterisk CEL events", description = """
            A JSON array of CEL events (or one event, or NDJSON), each with AMI's Event: CEL field names (EventName,
            EventTime, UniqueID, LinkedID, Channel ...) or the cel table's columns (eventtype, eventtime, uniqueid,
            linkedid, channame ...); or text/csv in cel_custom's layout with a header line naming the columns. All or
            nothing: a bad event is a 422 naming it and its field. An event sent again is a duplicate.""")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = {
            @Content(mediaType = "application/json", array = @ArraySchema(schema = @Schema(type = "object",
                    description = "A CEL event: AMI's Event: CEL fields, or the cel table's columns")),
                    examples = @ExampleObject(value = AsteriskApiTypes.CEL_EXAMPLE)),
            @Content(mediaType = "text/csv", schema = @Schema(type = "string"),
                    examples = @ExampleObject(value = AsteriskApiTypes.CSV_EXAMPLE))})
    @ApiResponse(responseCode = "200", description = "Stored; the calls are translated", content = @Content(
            mediaType = "application/json", schema = @Schema(implementation = AsteriskApiTypes.Accepted.class)))
    Map<String, Object> cel(Caller caller, HttpServletRequest request) throws IOException {
        caller.require(Scope.WRITE);
        return Map.of("data", intake.cel(caller.accountId(), body(request), request.getContentType()));
    }

    @PostMapping("/api/v3/sources/asterisk/queue-log")
    @Operation(operationId = "postAsteriskQueueLog", summary = "Send Asterisk queue_log lines", description = """
            text/plain queue_log lines (epoch|callid|queue|member|EVENT|data...), or a JSON array of the realtime
            table's rows (time, callid, queuename, agent, event, data1..data5). All or nothing: a bad line is a 422
            naming its line and field.""")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = {
            @Content(mediaType = "text/plain", schema = @Schema(type = "string"),
                    examples = @ExampleObject(value = AsteriskApiTypes.QUEUE_LOG_EXAMPLE)),
            @Content(mediaType = "application/json", array = @ArraySchema(schema = @Schema(type = "object",
                    description = "A row of the realtime queue_log table")),
                    examples = @ExampleObject(value = AsteriskApiTypes.QUEUE_ROWS_EXAMPLE))})
    @ApiResponse(responseCode = "200", description = "Stored; the calls are translated", content = @Content(
            mediaType = "application/json", schema = @Schema(implementation = AsteriskApiTypes.Accepted.class)))
    Map<String, Object> queueLog(Caller caller, HttpServletRequest request) throws IOException {
        caller.require(Scope.WRITE);
        return Map.of("data", intake.queueLog(caller.accountId(), body(request), request.getContentType()));
    }

    @GetMapping("/api/v3/sources/asterisk")
    @Operation(operationId = "getAsteriskSource", summary = "Read the Asterisk profile")
    @ApiResponse(responseCode = "200", description = "The profile in force", content = @Content(
            mediaType = "application/json", schema = @Schema(implementation = AsteriskApiTypes.Source.class)))
    Map<String, Object> profile(Caller caller, HttpServletRequest request) {
        caller.require(Scope.ADMIN);
        return answer(intake.profile(caller.accountId()), request);
    }

    @PutMapping("/api/v3/sources/asterisk")
    @Operation(operationId = "putAsteriskSource", summary = "Set the Asterisk profile", description = """
            The whole profile: fields left out take FreePBX's defaults. Every change is kept; the newest is used, by
            new documents and by ./callrecords sources rederive.""")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
            mediaType = "application/json", schema = @Schema(implementation = AsteriskApiTypes.Profile.class),
            examples = @ExampleObject(value = AsteriskApiTypes.PROFILE_EXAMPLE)))
    @ApiResponse(responseCode = "200", description = "The profile in force", content = @Content(
            mediaType = "application/json", schema = @Schema(implementation = AsteriskApiTypes.Source.class)))
    Map<String, Object> setProfile(Caller caller, HttpServletRequest request) throws IOException {
        caller.require(Scope.ADMIN);
        String text = body(request);
        AsteriskProfile profile;
        try {
            profile = json.readValue(text.isBlank() ? "{}" : text, AsteriskProfile.class);
        } catch (RuntimeException e) {
            throw ValidationException.of("settings", "is not a profile: " + firstLine(e.getMessage()));
        }
        if (profile == null) {
            throw ValidationException.of("settings", "is missing: send a JSON object (fields left out take FreePBX's"
                    + " defaults)");
        }
        profile.validate();
        profiles.write(caller.accountId(), SourceKind.ASTERISK, profile);
        return answer(profile, request);
    }

    private Map<String, Object> answer(AsteriskProfile profile, HttpServletRequest request) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("kind", SourceKind.ASTERISK.wire());
        data.put("settings", profile);
        data.put("endpoint_url", endpointUrl());
        data.put("queue_log_url", SourceEndpoints.url(properties, "/api/v3/sources/asterisk/queue-log"));
        return Map.of("data", data);
    }

    private String endpointUrl() {
        return SourceEndpoints.url(properties, "/api/v3/sources/asterisk/cel");
    }

    private String body(HttpServletRequest request) throws IOException {
        byte[] bytes = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 1, bodyLimit + 1));
        if (bytes.length > bodyLimit) {
            throw new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, "The body is larger than " + bodyLimit
                    + " bytes; send the events in smaller batches.");
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }

    static Map<String, List<String>> one(String field, String message) {
        return Map.of(field, List.of(message));
    }
}
