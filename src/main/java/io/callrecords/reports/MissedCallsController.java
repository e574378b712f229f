package io.callrecords.reports;

import io.callrecords.accounts.AccountSettings;
import io.callrecords.accounts.AccountSettingsService;
import io.callrecords.accounts.Caller;
import io.callrecords.shared.QueryParameters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The missed-call worklist (reports.md): {@code GET /api/v3/missed-calls}, dismissing a line and taking the
 * dismissal back, and the history of a number's dismissals. Scopes as everywhere: read for GET, write for POST.
 */
@RestController
@Tag(name = ReportsApiTypes.TAG, description = ReportsApiTypes.TAG_DESCRIPTION)
class MissedCallsController {

    private static final String NUMBER = "The caller number: E.164 with its + URL-encoded (%2B905321234567), or"
            + " national in the account's default_region (05321234567)";
    private static final String FROM = "Start of the period on the missed calls' started_at, inclusive: "
            + ReportPeriod.FORMS + "; a date is the start of that day in the account's time zone. Default: 30 days"
            + " before to";
    private static final String TO = "End of the period, exclusive, after from and at most 400 days after it;"
            + " default: now";
    private static final String PERIOD_OF_LINE = "The answer is the number's line over from/to (same rules as the"
            + " list; default the last 30 days), null when none of its missed calls falls in that period.";

    private final Worklist worklist;
    private final WorklistDismissals dismissals;
    private final LineNumbers numbers;
    private final AccountSettingsService settings;
    private final Clock clock;

    MissedCallsController(Worklist worklist, WorklistDismissals dismissals, LineNumbers numbers,
                          AccountSettingsService settings, Clock clock) {
        this.worklist = worklist;
        this.dismissals = dismissals;
        this.numbers = numbers;
        this.settings = settings;
        this.clock = clock;
    }

    @GetMapping("/api/v3/missed-calls")
    @Operation(operationId = "listMissedCalls", summary = "List the missed-call worklist", description = """
            One line per caller number with missed calls in the period (denylisted callers aside: they were refused on
            purpose). A line is unreturned while one of its missed calls has no callback and is not covered by the
            active dismissal, which covers the calls that started before it; else dismissed when the dismissal covers a
            call nobody returned; else returned. Unreturned lines come oldest first_missed_at first (who waited longest);
            the other statuses newest last_missed_at first. meta.count is the number of all matching lines; pass
            meta.next_cursor as cursor for the next page (null after the last). Unknown parameters are a 422 naming
            them.""")
    @Parameter(name = "status", in = ParameterIn.QUERY, description = "Lines of this status; all for every line",
            schema = @Schema(type = "string", allowableValues = {"unreturned", "returned", "dismissed", "all"},
                    defaultValue = "unreturned"))
    @Parameter(name = "from", in = ParameterIn.QUERY, description = FROM, example = "2026-10-01", schema = @Schema(type = "string"))
    @Parameter(name = "to", in = ParameterIn.QUERY, description = TO, example = "2026-11-01", schema = @Schema(type = "string"))
    @Parameter(name = "reason", in = ParameterIn.QUERY, description = "Lines with a missed call of this reason",
            schema = @Schema(type = "string", allowableValues = {"out_of_business_hours", "callback", "short_abandoned",
                    "abandoned"}))
    @Parameter(name = "number", in = ParameterIn.QUERY, description = "Digits found inside the caller number; a"
            + " leading + (encoded %2B) matches the start", example = "5321", schema = @Schema(type = "string"))
    @Parameter(name = "limit", in = ParameterIn.QUERY, description = "Lines per page, 1 to 500",
            schema = @Schema(type = "integer", minimum = "1", maximum = "500", defaultValue = "50"))
    @Parameter(name = "cursor", in = ParameterIn.QUERY, description = "meta.next_cursor of the previous page, made for"
            + " the same status", schema = @Schema(type = "string"))
    @ApiResponse(responseCode = "200", description = "One page of lines",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = WorklistDocument.WorklistBody.class),
                    examples = @ExampleObject(value = WorklistExamples.LIST)))
    @ApiResponse(responseCode = "422", description = "Bad or unknown parameters, every one named",
            content = @Content(mediaType = "application/json",
                    examples = @ExampleObject(value = WorklistExamples.LIST_INVALID)))
    WorklistDocument.WorklistBody list(
            Caller caller, @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters) {
        WorklistRequest request = WorklistRequest.read(parameters, account(caller).timezone(), clock.instant());
        return WorklistDocument.page(worklist.page(caller.accountId(), caller.ownCallsOnly(), request), request);
    }

    @PostMapping("/api/v3/missed-calls/{number}/dismiss")
    @Operation(operationId = "dismissMissedCalls", summary = "Dismiss a worklist line", description = """
            Takes the number's missed calls so far out of unreturned without faking a callback; a missed call that
            starts later brings the number back. Replaces an active dismissal (the old one is kept in the history).
            """ + PERIOD_OF_LINE)
    @Parameter(name = "from", in = ParameterIn.QUERY, description = FROM, example = "2026-10-01", schema = @Schema(type = "string"))
    @Parameter(name = "to", in = ParameterIn.QUERY, description = TO, example = "2026-11-01", schema = @Schema(type = "string"))
    @io.swagger.v3.oas.annotations.parameters.RequestBody(description = "reason: spam, resolved_elsewhere or other;"
            + " note: up to 1000 characters, required for other", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = ReportsApiTypes.DismissRequest.class), 
            examples = @ExampleObject(value = "{\"reason\": \"other\", \"note\": \"Called us from another number\"}")))
    @ApiResponse(responseCode = "200", description = "The line, now dismissed unless a call after this moment is in it",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = WorklistDocument.LineBody.class),
                    examples = @ExampleObject(value = WorklistExamples.DISMISSED_LINE)))
    @ApiResponse(responseCode = "404", description = "The number never missed a call of this account",
            content = @Content(mediaType = "application/json",
                    examples = @ExampleObject(value = WorklistExamples.NOT_FOUND)))
    @ApiResponse(responseCode = "422", description = "Bad body or parameters, every one named",
            content = @Content(mediaType = "application/json",
                    examples = @ExampleObject(value = WorklistExamples.DISMISS_INVALID)))
    WorklistDocument.LineBody dismiss(
            Caller caller, @Parameter(description = NUMBER, example = "%2B905321234567") @PathVariable String number,
            @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters,
            @RequestBody(required = false) Map<String, Object> body) {
        return change(caller, number, parameters, line -> dismissals.dismiss(caller, line, DismissalRequest.read(body)));
    }

    @PostMapping("/api/v3/missed-calls/{number}/undismiss")
    @Operation(operationId = "undismissMissedCalls", summary = "Take a dismissal back", description = """
            Ends the number's active dismissal: its calls without a callback are unreturned again. The dismissal stays
            in the history with who ended it and when. """ + PERIOD_OF_LINE)
    @Parameter(name = "from", in = ParameterIn.QUERY, description = FROM, example = "2026-10-01", schema = @Schema(type = "string"))
    @Parameter(name = "to", in = ParameterIn.QUERY, description = TO, example = "2026-11-01", schema = @Schema(type = "string"))
    @ApiResponse(responseCode = "200", description = "The line",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = WorklistDocument.LineBody.class),
                    examples = @ExampleObject(value = "{\"data\": "
                    + WorklistExamples.LINE + "}")))
    @ApiResponse(responseCode = "404", description = "The number never missed a call of this account, or has no"
            + " active dismissal",
            content = @Content(mediaType = "application/json",
                    examples = @ExampleObject(value = WorklistExamples.NOT_FOUND)))
    @ApiResponse(responseCode = "422", description = "Bad or unknown parameters, every one named",
            content = @Content(mediaType = "application/json",
                    examples = @ExampleObject(value = WorklistExamples.PERIOD_INVALID)))
    WorklistDocument.LineBody undismiss(
            Caller caller, @Parameter(description = NUMBER, example = "%2B905321234567") @PathVariable String number,
            @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters) {
        return change(caller, number, parameters, line -> dismissals.undismiss(caller, line));
    }

    @GetMapping("/api/v3/missed-calls/{number}/dismissals")
    @Operation(operationId = "listMissedCallDismissals", summary = "History of a number's dismissals", description = """
            Every dismissal of the number, newest first, with who (API key id) dismissed it and when, and who ended it
            and when (taken back, or replaced by a newer one); the active one has undismissed_at null.""")
    @ApiResponse(responseCode = "200", description = "The dismissals",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = WorklistDocument.HistoryBody.class),
                    examples = @ExampleObject(value = WorklistExamples.HISTORY)))
    @ApiResponse(responseCode = "404", description = "The number never missed a call of this account",
            content = @Content(mediaType = "application/json",
                    examples = @ExampleObject(value = WorklistExamples.NOT_FOUND)))
    WorklistDocument.HistoryBody dismissals(
            Caller caller, @Parameter(description = NUMBER, example = "%2B905321234567") @PathVariable String number,
            @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters) {
        new QueryParameters(parameters).finish(); // the history takes no parameter
        String line = numbers.require(caller, number, account(caller).defaultRegion());
        return WorklistDocument.history(dismissals.history(caller.accountId(), line));
    }

    private AccountSettings account(Caller caller) {
        return settings.current(caller.accountId()).settings();
    }

    /**
     * Applies a change to the line of the number in the path, then answers with the line over the period of the
     * parameters (only from and to may be given). The number is checked first: an unknown one is a 404 whatever
     * the body.
     */
    private WorklistDocument.LineBody change(Caller caller, String pathNumber,
                                             MultiValueMap<String, String> parameters, Consumer<String> change) {
        AccountSettings account = account(caller);
        QueryParameters p = new QueryParameters(parameters);
        ReportPeriod period = ReportPeriod.read(p, account.timezone(), clock.instant(), WorklistRequest.DEFAULT_PERIOD);
        p.finish();
        String number = numbers.require(caller, pathNumber, account.defaultRegion());
        change.accept(number);
        return new WorklistDocument.LineBody(
                worklist.line(caller.accountId(), caller.ownCallsOnly(), number, period).map(WorklistLineView::of).orElse(null));
    }
}
