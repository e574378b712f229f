package io.callrecords.calls;

import io.callrecords.accounts.AccountSettingsService;
import io.callrecords.accounts.Caller;
import io.callrecords.accounts.Scope;
import io.callrecords.shared.CallrecordsProperties;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the telephony platform (or another system) writes: call-flow events, and finished records
 * to import. Each takes one object, a JSON array or NDJSON, all or nothing: every bad item is
 * named in one 422, and the answer comes only after the transaction committed.
 */
@RestController
@Tag(name = CallsApiTypes.TAG, description = CallsApiTypes.TAG_DESCRIPTION)
class CallIntakeController {

    private final GroupedIntake intake;
    private final CallImport callImport;
    private final AccountSettingsService settings;
    private final JsonMapper json;
    private final long bodyLimit;
    private final Duration maxClockSkew;
    private final Clock clock;

    CallIntakeController(GroupedIntake intake, CallImport callImport, AccountSettingsService settings, JsonMapper json,
                         CallrecordsProperties properties, Clock clock) {
        this.intake = intake;
        this.callImport = callImport;
        this.settings = settings;
        this.json = json;
        this.bodyLimit = properties.api().bodyLimit().toBytes();
        this.maxClockSkew = properties.api().maxClockSkew();
        this.clock = clock;
    }

    @PostMapping("/api/v3/call-events")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(operationId = "postCallEvents", summary = "Send call-flow events", description = """
            A JSON array of events (or one event, or NDJSON: one per line), all validated before any is stored: a bad
            one is a 422 naming it (events[3].at), and nothing is stored. Each touched call's record is derived again
            in the same transaction.""")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = {
            @Content(mediaType = "application/json", array = @ArraySchema(schema = @Schema(implementation =
                    CallsApiTypes.CallEvent.class)), examples = @ExampleObject(value = "[{\"id\": \"pbx1-8812\", \"call_uuid\": \"caedfd1b-25ec-447e-ad87-3b7eb3d358ea\", \"action\": \"init\", \"at\": \"2026-03-26T09:31:32Z\", \"detail\": {\"caller\": {\"number\": \"+905321234567\", \"type\": \"contact\"}, \"callee\": {\"number\": \"+908502010000\", \"type\": \"greeting\", \"id\": 1}, \"number_id\": 717}}, {\"id\": \"pbx1-8813\", \"call_uuid\": \"caedfd1b-25ec-447e-ad87-3b7eb3d358ea\", \"action\": \"hangup\", \"at\": \"2026-03-26T09:32:10Z\", \"detail\": {\"hangup_by\": \"contact\"}}]")),
            @Content(mediaType = "application/x-ndjson", schema = @Schema(type = "string"),
                    examples = @ExampleObject(value = "{\"id\": \"pbx1-8812\", \"call_uuid\": \"caedfd1b-25ec-447e-ad87-3b7eb3d358ea\", \"action\": \"init\", ...}\n{\"id\": \"pbx1-8813\", ...}\n"))})
    @ApiResponse(responseCode = "202", description = "Stored; the records are up to date", content = @Content(
            mediaType = "application/json", schema = @Schema(implementation = CallsApiTypes.AcceptedBody.class)))
    Map<String, Object> acceptEvents(Caller caller, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        requireMachineOrAdmin(caller);
        List<Object> items = RequestBody.items(request.getInputStream(), request.getContentType(), bodyLimit, json, "events");
        EventReader reader = new EventReader(defaultRegion(caller), skew());
        List<CallEvent> events = RequestBody.readAll(items, "events", reader::read);
        CallLocks.checkBatch(events.stream().map(CallEvent::callUuid).distinct().count(), "events");
        GroupedIntake.Outcome outcome = intake.accept(caller.accountId(), events);
        if (!plainJsonWanted(request)) {
            return Map.of("data", outcome); // Spring negotiates the answer's type, as it always did
        }
        // Written here rather than returned: for a request of one event, negotiating the type and finding and running
        // Jackson's serializers for this two-number body cost more CPU than anything else after the body was read.
        // The bytes are the ones Jackson wrote ({"data":{"accepted":1,"duplicates":0}}).
        byte[] body = ("{\"data\":{\"accepted\":" + outcome.accepted() + ",\"duplicates\":" + outcome.duplicates() + "}}")
                .getBytes(StandardCharsets.US_ASCII);
        response.setStatus(HttpStatus.ACCEPTED.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        return null; // written; the declared type stays for the OpenAPI document
    }

    @PostMapping("/api/v3/calls/import")
    @Operation(operationId = "importCalls", summary = "Import call records", description = """
            Finished records from another system, as Get a call answers them (JSON array or NDJSON); a record replaces
            the one of the same uuid. All or nothing: a bad one is a 422 naming it (records[3].started_at).""")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = {
            @Content(mediaType = "application/json", array = @ArraySchema(schema = @Schema(ref =
                    "#/components/schemas/" + CallSchemas.RECORD)), examples = @ExampleObject(value = "[" + CallExamples.RECORD + "]")),
            @Content(mediaType = "application/x-ndjson", schema = @Schema(type = "string"),
                    examples = @ExampleObject(value = CallExamples.NDJSON))})
    @ApiResponse(responseCode = "200", description = "Stored", content = @Content(
            mediaType = "application/json", schema = @Schema(implementation = CallsApiTypes.ImportedBody.class)))
    Map<String, Object> importRecords(Caller caller, HttpServletRequest request) throws IOException {
        requireMachineOrAdmin(caller);
        List<Object> items = RequestBody.items(request.getInputStream(), request.getContentType(), bodyLimit, json, "records");
        RecordReader reader = new RecordReader(defaultRegion(caller), skew());
        List<ImportedRecord> records = RequestBody.readAll(items, "records", reader::read);
        CallLocks.checkBatch(records.stream().map(r -> r.record().uuid()).distinct().count(), "records");
        return Map.of("data", Retries.onConflict(() -> callImport.importRecords(caller.accountId(), records)));
    }

    /** The client takes JSON as Spring would choose it for it: no {@code Accept}, or one that names only JSON or anything. */
    private static boolean plainJsonWanted(HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return accept == null || accept.equals(MediaType.APPLICATION_JSON_VALUE) || accept.equals(MediaType.ALL_VALUE);
    }

    private ClockSkew skew() {
        return new ClockSkew(clock.instant(), maxClockSkew);
    }

    /** National numbers are read with the region in force now: a region names how people dial, not a call's rules. */
    /**
     * Feeding calls is a phone system's work (an account key) or an administrator's: a supervisor or an agent with a
     * personal key could otherwise write events into any call, another agent's too (ADR 0022).
     */
    private static void requireMachineOrAdmin(Caller caller) {
        if (caller.userId() != null) {
            caller.require(Scope.ADMIN);
        }
    }

    private String defaultRegion(Caller caller) {
        return settings.current(caller.accountId()).settings().defaultRegion();
    }
}
