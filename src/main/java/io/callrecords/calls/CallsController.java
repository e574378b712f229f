package io.callrecords.calls;

import io.callrecords.accounts.Caller;
import io.callrecords.shared.PathUuids;
import io.callrecords.shared.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The v3 read API of call records (api.md "Calls"): the list with its filters and paging, and one record by uuid,
 * also in the older dated form. The export is {@link CallExportController}.
 */
@RestController
@Tag(name = CallsApiTypes.TAG, description = CallsApiTypes.TAG_DESCRIPTION)
class CallsController {

    private final CallRecords records;

    CallsController(CallRecords records) {
        this.records = records;
    }

    @GetMapping("/api/v3/calls")
    @Operation(operationId = "listCalls", summary = "List calls", description = """
            Ended calls of the account (calls in progress with status=live), newest first unless sort says otherwise.
            meta.count is the number of all matches. Page with offset, or for deep scans with cursor: pass
            meta.next_cursor of the previous page (null after the last page). Filters combine with AND; unknown
            parameters are a 422 naming them. Brackets may be sent raw or URL-encoded (started_at%5Bgte%5D).""")
    @CallListParameters(CallListParameters.Paging.OFFSET_AND_CURSOR)
    @ApiResponse(responseCode = "200", description = "One page of records",
            content = @Content(mediaType = "application/json", examples = @ExampleObject(value = CallExamples.LIST)))
    @ApiResponse(responseCode = "422", description = "Bad or unknown parameters, every one named",
            content = @Content(mediaType = "application/json", examples = @ExampleObject(value = CallExamples.LIST_INVALID)))
    ResponseEntity<byte[]> list(Caller caller,
                                @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters,
                                HttpServletResponse response) throws IOException {
        CallListQuery query = CallListQuery.read(parameters);
        byte[] body = records.list(caller, query);
        // Written here rather than returned: the message converters would only copy these bytes, after negotiating
        // the type already set (a tenth of the CPU of a list request). The answer is the same: 200, JSON, its length.
        // The declared type stays for the OpenAPI document; null tells Spring the answer is written.
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        return null;
    }

    @GetMapping("/api/v3/calls/{uuid}")
    @Operation(operationId = "getCall", summary = "Get a call", description = "The record of one call of the account, ended or in progress.")
    @ApiResponse(responseCode = "200", description = "The record",
            content = @Content(mediaType = "application/json", examples = @ExampleObject(value = CallExamples.ONE)))
    @ApiResponse(responseCode = "404", description = "No such call in this account",
            content = @Content(mediaType = "application/json", examples = @ExampleObject(value = CallExamples.NOT_FOUND)))
    @ApiResponse(responseCode = "422", description = "The uuid or the date is malformed",
            content = @Content(mediaType = "application/json", examples = @ExampleObject(value = CallExamples.ONE_INVALID)))
    Map<String, Object> get(Caller caller,
                            @Parameter(description = "The call's uuid", example = "caedfd1b-25ec-447e-ad87-3b7eb3d358ea")
                            @PathVariable String uuid,
                            @Parameter(description = "The call's UTC start date (YYYY-MM-DD); accepted as a hint, the"
                                    + " uuid alone finds the call", example = "2026-03-26")
                            @RequestParam(required = false) String date) {
        if (date != null && !date.isBlank()) { // blank counts as absent, as in the list: PHP's get($id) sends date=
            CallDates.date(date);
        }
        return one(caller, uuid);
    }

    @GetMapping("/api/v3/calls/{yyyy}/{mm}/{dd}/{uuid}")
    @Operation(operationId = "getCallDated", summary = "Get a call (dated path)", description = "The older form of Get a call; month and day may"
            + " have one or two digits (2022/7/7 or 2022/07/07).")
    @ApiResponse(responseCode = "200", description = "The record",
            content = @Content(mediaType = "application/json", examples = @ExampleObject(value = CallExamples.ONE)))
    @ApiResponse(responseCode = "404", description = "No such call in this account",
            content = @Content(mediaType = "application/json", examples = @ExampleObject(value = CallExamples.NOT_FOUND)))
    @ApiResponse(responseCode = "422", description = "The date or the uuid is malformed",
            content = @Content(mediaType = "application/json", examples = @ExampleObject(value = CallExamples.DATED_INVALID)))
    Map<String, Object> getDated(Caller caller, @Parameter(example = "2026") @PathVariable String yyyy,
                                 @Parameter(example = "03") @PathVariable String mm,
                                 @Parameter(example = "26") @PathVariable String dd,
                                 @Parameter(example = "caedfd1b-25ec-447e-ad87-3b7eb3d358ea") @PathVariable String uuid) {
        CallDates.date(yyyy, mm, dd);
        return one(caller, uuid);
    }

    private Map<String, Object> one(Caller caller, String uuid) {
        return Map.of("data", records.find(caller, PathUuids.parse(uuid)).orElseThrow(ApiException::notFound));
    }
}
