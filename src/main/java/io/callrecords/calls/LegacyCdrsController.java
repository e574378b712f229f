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
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The view of Hipcall's API version {@code v20211124} that older clients still use: the same records as
 * {@link LegacyCdr}, listed in numbered pages with Laravel-style {@code links} and {@code meta} (a simple
 * paginator: no total, {@code links.last} is null).
 */
@RestController
@Tag(name = CallsApiTypes.TAG, description = CallsApiTypes.TAG_DESCRIPTION)
class LegacyCdrsController {

    private final CallRecords records;

    LegacyCdrsController(CallRecords records) {
        this.records = records;
    }

    @GetMapping("/api/v20211124/cdrs")
    @Operation(operationId = "listCdrs", summary = "List cdrs (legacy)", description = """
            Ended calls as cdrs, newest first, per_page (default 10) to a page. The filters of List calls apply;
            links keep them. meta.per_page is a string, as that version served it.""")
    @CallListParameters(CallListParameters.Paging.PAGES)
    @ApiResponse(responseCode = "200", description = "One page of cdrs",
            content = @Content(mediaType = "application/json", examples = @ExampleObject(value = CallExamples.LEGACY_LIST)))
    @ApiResponse(responseCode = "422", description = "Bad or unknown parameters, every one named",
            content = @Content(mediaType = "application/json", examples = @ExampleObject(value = CallExamples.LIST_INVALID)))
    Map<String, Object> list(Caller caller, @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters,
                             HttpServletRequest request) {
        LegacyCdrQuery query = LegacyCdrQuery.read(parameters);
        List<CallRecord> rows = records.slice(caller, query.filter(), query.sort(),
                query.perPage() + 1, query.offset());
        boolean more = rows.size() > query.perPage();
        List<CallRecord> shown = more ? rows.subList(0, query.perPage()) : rows;
        String path = ServletUriComponentsBuilder.fromRequestUri(request).replaceQuery(null).build().toUriString()
                .replaceAll("/+$", "");
        Map<String, Object> links = new LinkedHashMap<>();
        links.put("first", link(path, parameters, 1));
        links.put("last", null);
        links.put("prev", query.page() > 1 ? link(path, parameters, query.page() - 1) : null);
        links.put("next", more ? link(path, parameters, query.page() + 1) : null);
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("current_page", query.page());
        meta.put("from", shown.isEmpty() ? null : query.offset() + 1);
        meta.put("path", path);
        meta.put("per_page", Integer.toString(query.perPage()));
        meta.put("to", shown.isEmpty() ? null : query.offset() + shown.size());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data", shown.stream().map(LegacyCdr::of).toList());
        body.put("links", links);
        body.put("meta", meta);
        return body;
    }

    @GetMapping("/api/v20211124/cdrs/{yyyy}/{mm}/{dd}/{uuid}")
    @Operation(operationId = "getCdr", summary = "Get a cdr (legacy)", description = "One call as a cdr; month and day may have one or two"
            + " digits (2022/7/7).")
    @ApiResponse(responseCode = "200", description = "The cdr",
            content = @Content(mediaType = "application/json", examples = @ExampleObject(value = CallExamples.LEGACY_ONE)))
    @ApiResponse(responseCode = "404", description = "No such call in this account",
            content = @Content(mediaType = "application/json", examples = @ExampleObject(value = CallExamples.NOT_FOUND)))
    @ApiResponse(responseCode = "422", description = "The date or the uuid is malformed",
            content = @Content(mediaType = "application/json", examples = @ExampleObject(value = CallExamples.DATED_INVALID)))
    Map<String, Object> get(Caller caller, @Parameter(example = "2022") @PathVariable String yyyy,
                            @Parameter(example = "7") @PathVariable String mm,
                            @Parameter(example = "7") @PathVariable String dd,
                            @Parameter(example = "caedfd1b-25ec-447e-ad87-3b7eb3d358ea") @PathVariable String uuid) {
        CallDates.date(yyyy, mm, dd);
        return Map.of("data", LegacyCdr.of(records.find(caller, PathUuids.parse(uuid))
                .orElseThrow(ApiException::notFound)));
    }

    /** The list at {@code page}, with the request's other parameters, so that following a link keeps the filters. */
    private static String link(String path, MultiValueMap<String, String> parameters, int page) {
        MultiValueMap<String, String> others = new LinkedMultiValueMap<>(parameters);
        others.remove("page");
        return UriComponentsBuilder.fromUriString(path).queryParams(others).queryParam("page", page)
                .encode().build().toUriString();
    }
}
