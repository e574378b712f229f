package io.callrecords.reports;

import io.callrecords.accounts.AccountSettingsService;
import io.callrecords.accounts.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/** {@code GET /api/v3/reports/summary}: the measures of reports.md for a period, whole and per bucket. */
@RestController
@Tag(name = ReportsApiTypes.TAG, description = ReportsApiTypes.TAG_DESCRIPTION)
class ReportsController {

    private final ReportSummary summary;
    private final AccountSettingsService settings;
    private final Clock clock;
    private final JsonMapper json;

    ReportsController(ReportSummary summary, AccountSettingsService settings, Clock clock, JsonMapper json) {
        this.summary = summary;
        this.settings = settings;
        this.clock = clock;
        this.json = json;
    }

    @GetMapping("/api/v3/reports/summary")
    @Operation(operationId = "reportSummary", summary = "Summary report", description = """
            Every measure of reports.md for the period [from, to) on started_at, in the time zone, for the period as a
            whole (total) and per bucket of group_by. Buckets of time (day, hour, weekday_hour) are all present, empty
            ones with zeros; days and hours are local, so a DST day has 23 or 25 hours. Rates and durations of nothing
            are null. Only ended calls count. format=csv gives the same as CSV: a row for the period, then one per
            bucket.""")
    @Parameter(name = "from", in = ParameterIn.QUERY, description = "Start of the period, inclusive: a local date"
            + " (start of that day in the time zone) or a date-time on a quarter hour; default: today", example = "2026-10-01", schema = @Schema(type = "string"))
    @Parameter(name = "to", in = ParameterIn.QUERY, description = "End of the period, exclusive; at most 400 days after"
            + " from; default: now (with from) or the end of today", example = "2026-11-01", schema = @Schema(type = "string"))
    @Parameter(name = "timezone", in = ParameterIn.QUERY, description = "IANA time zone of the dates and buckets;"
            + " default: the account's", example = "Europe/Berlin", schema = @Schema(type = "string"))
    @Parameter(name = "sl_seconds", in = ParameterIn.QUERY, description = "Service-level threshold T in seconds (0–3600)",
            schema = @Schema(type = "integer", defaultValue = "20"))
    @Parameter(name = "group_by", in = ParameterIn.QUERY, description = "Buckets: day, hour, weekday_hour, user, number, team",
            schema = @Schema(type = "string", allowableValues = {"day", "hour", "weekday_hour", "user", "number", "team"}))
    @Parameter(name = "format", in = ParameterIn.QUERY, description = "json (default) or csv",
            schema = @Schema(type = "string", allowableValues = {"json", "csv"}))
    @ApiResponse(responseCode = "200", description = "The report", content = {
            @Content(mediaType = "application/json",
                    schema = @Schema(implementation = SummaryRendering.SummaryBody.class),
                    examples = @ExampleObject(value = ReportExamples.SUMMARY)),
            @Content(mediaType = "text/csv", schema = @Schema(type = "string"), examples = @ExampleObject(value = ReportExamples.SUMMARY_CSV))})
    @ApiResponse(responseCode = "422", description = "A bad parameter, named", content = @Content(
            mediaType = "application/json", examples = @ExampleObject(value = ReportExamples.SUMMARY_INVALID)))
    ResponseEntity<?> summary(Caller caller, @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters) {
        ReportRequest request = ReportRequest.read(parameters, settings.current(caller.accountId()).settings().timezone(),
                clock.instant());
        ReportSummary.Summary report = summary.summarise(caller.accountId(), caller.ownCallsOnly(), request);
        if (request.csv()) {
            return ResponseEntity.ok()
                    .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"summary.csv\"")
                    .body(SummaryRendering.csv(report, json));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(SummaryRendering.json(report));
    }
}
