package io.callrecords.calls;

import io.callrecords.accounts.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v3/calls/export}: every match of the list's filters, streamed from the database to the client
 * as it is read ({@link CallExportDownload}); a bad parameter is a 422 before the first byte.
 */
@RestController
@Tag(name = CallsApiTypes.TAG, description = CallsApiTypes.TAG_DESCRIPTION)
class CallExportController {

    private final CallExportDownload download;

    CallExportController(CallExportDownload download) {
        this.download = download;
    }

    @GetMapping("/api/v3/calls/export")
    @Operation(operationId = "exportCalls", summary = "Export calls", description = """
            Every record matching the filters of List calls, in the same order, without a limit: CSV with a header
            row (RFC 4180 quoting; null is an empty field, call_flow its JSON text) or NDJSON (each line a record as
            Get a call serves it). After the record's fields, the CSV has the names of the account's directory entries
            its ids name: number_name, channel_name, caller_name (a calling user), callee_name, user_name,
            voicemail_name (the voicemail box), callback_user_name; empty when there is no id or the directory does
            not know it, "Name (deleted)" for a deleted entry. Streamed: memory stays flat however many records
            match.""")
    @CallListParameters(CallListParameters.Paging.EXPORT)
    @ApiResponse(responseCode = "200", description = "The records", content = {
            @Content(mediaType = "text/csv", schema = @Schema(type = "string"), examples = @ExampleObject(value = CallExamples.CSV)),
            @Content(mediaType = "application/x-ndjson", schema = @Schema(type = "string"), examples = @ExampleObject(value = CallExamples.NDJSON))})
    @ApiResponse(responseCode = "422", description = "Bad or unknown parameters, every one named",
            content = @Content(mediaType = "application/json", examples = @ExampleObject(value = CallExamples.EXPORT_INVALID)))
    void export(Caller caller, @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters,
                HttpServletResponse response) {
        download.write(caller, parameters, response);
    }
}
