package io.callrecords.calls;

import io.callrecords.accounts.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/v3/calls/export}: every match of the list's filters, streamed from the database to the client
 * as it is read. Parameters are checked before the first byte, so a bad request still gets its 422; once streaming,
 * a failure can only cut the answer short.
 */
@RestController
@Tag(name = "Calls")
class CallExportController {

    private static final Logger log = LoggerFactory.getLogger(CallExportController.class);
    private static final int BUFFER_BYTES = 64 * 1024;

    private final CallExport export;
    private final JsonMapper json;

    CallExportController(CallExport export, JsonMapper json) {
        this.export = export;
        this.json = json;
    }

    @GetMapping("/api/v3/calls/export")
    @Operation(operationId = "exportCalls", summary = "Export calls", description = """
            Every record matching the filters of List calls, in the same order, without a limit: CSV with a header
            row (RFC 4180 quoting; null is an empty field, call_flow its JSON text) or NDJSON (each line a record as
            Get a call serves it). Streamed: memory stays flat however many records match.""")
    @CallListParameters(CallListParameters.Paging.EXPORT)
    @ApiResponse(responseCode = "200", description = "The records", content = {
            @Content(mediaType = "text/csv", examples = @ExampleObject(value = CallExamples.CSV)),
            @Content(mediaType = "application/x-ndjson", examples = @ExampleObject(value = CallExamples.NDJSON))})
    @ApiResponse(responseCode = "422", description = "Bad or unknown parameters, every one named",
            content = @Content(mediaType = "application/json", examples = @ExampleObject(value = CallExamples.EXPORT_INVALID)))
    void export(Caller caller, @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters,
                HttpServletResponse response) {
        CallExportQuery query = CallExportQuery.read(parameters);
        response.setContentType(query.format().contentType());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"calls." + query.format().wire() + "\"");
        try (ExportWriter writer = query.format().writer(new BufferedOutputStream(response.getOutputStream(), BUFFER_BYTES), json)) {
            export.export(caller.accountId(), query.filter(), query.sort(), writer);
        } catch (UncheckedIOException | IOException e) {
            // the client went away mid-stream: nothing to answer, the transaction has already rolled back
            log.debug("Export of account {} ended early: {}", caller.accountId(), e.toString());
        }
    }
}
