package io.callrecords.reports;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The reports' tag and the dismissal's body as the OpenAPI document describes it: the endpoint reads the body as a
 * map so that every bad field is named in one 422. The answers are typed themselves ({@link SummaryView},
 * {@link WorklistDocument}, {@link WorklistLineView}).
 */
final class ReportsApiTypes {

    static final String TAG = "Reports";
    static final String TAG_DESCRIPTION = "Call-center measures of reports.md, live from the records, and the"
            + " missed-call worklist: the callers who were not served, one line per number";

    private ReportsApiTypes() {}

    @Schema(name = "DismissRequest")
    record DismissRequest(
            @Schema(example = "other", allowableValues = {"spam", "resolved_elsewhere", "other"},
                    requiredMode = Schema.RequiredMode.REQUIRED) String reason,
            @Schema(example = "Called us from another number", maxLength = 1000,
                    description = "Required for other") String note) {}
}
