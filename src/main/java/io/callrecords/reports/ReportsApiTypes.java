package io.callrecords.reports;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;

/**
 * The answers of the summary report and the worklist as the OpenAPI document describes them. {@link SummaryRendering}
 * and {@link WorklistDocument} write them (the pages read the same renderings); these records give the shapes names.
 */
final class ReportsApiTypes {

    static final String TAG = "Reports";
    static final String TAG_DESCRIPTION = "Call-center measures of reports.md, live from the records, and the"
            + " missed-call worklist: the callers who were not served, one line per number";

    private ReportsApiTypes() {}

    @Schema(name = "ReportMeasures", description = "The measures of reports.md; rates and durations of nothing are null")
    record Measures(
            @Schema(example = "120") long inbound, @Schema(example = "110") long offered,
            @Schema(example = "98") long answered, @Schema(example = "22") long missed,
            @Schema(example = "9") long missedAbandoned, @Schema(example = "4") long missedShortAbandoned,
            @Schema(example = "2") long missedCallback, @Schema(example = "5") long missedOutOfBusinessHours,
            @Schema(example = "1") long missedDenylist,
            @Schema(example = "0.8909", nullable = true) Double answerRate,
            @Schema(example = "0.0818", nullable = true) Double abandonRate,
            @Schema(example = "14.2", nullable = true, description = "seconds") Double asaMean,
            @Schema(example = "11.0", nullable = true) Double asaMedian,
            @Schema(example = "31.5", nullable = true) Double asaP90,
            @Schema(example = "0.7", nullable = true) Double serviceLevel,
            @Schema(example = "15") long returned,
            @Schema(example = "0.7143", nullable = true) Double callbackRate,
            @Schema(example = "840.0", nullable = true) Double timeToCallbackMedian,
            @Schema(example = "5400.0", nullable = true) Double timeToCallbackP90,
            @Schema(example = "5") long unreturned,
            @Schema(example = "185.3", nullable = true) Double handleTime,
            @Schema(example = "64") long outbound, @Schema(example = "51") long outboundConnected,
            @Schema(example = "0.7969", nullable = true) Double outboundConnectRate,
            @Schema(example = "122.0", nullable = true) Double outboundHandleTime,
            @Schema(example = "7") long internal,
            @Schema(example = "45.5", nullable = true) Double internalHandleTime) {}

    @Schema(name = "ReportBucket", description = "The measures of one bucket, with its key and (for time buckets)"
            + " its period")
    record Bucket(
            @Schema(example = "2026-10-01", description = "The day, hour, weekday_hour, or user/number/team id")
            String key,
            @Schema(example = "2026-10-01T00:00+02:00", nullable = true) String from,
            @Schema(example = "2026-10-02T00:00+02:00", nullable = true) String to,
            @Schema(example = "120") long inbound, @Schema(example = "98") long answered,
            @Schema(example = "22") long missed,
            @Schema(example = "0.8909", nullable = true) Double answerRate) {}

    @Schema(name = "ReportSummary")
    record Summary(
            @Schema(example = "2026-10-01T00:00+02:00") String from,
            @Schema(example = "2026-10-02T00:00+02:00") String to,
            @Schema(example = "Europe/Berlin") String timezone,
            @Schema(example = "20") int slSeconds,
            @Schema(example = "day", nullable = true) String groupBy,
            Measures total,
            @Schema(description = "One per bucket of group_by, each with every measure of total") List<Bucket> buckets) {}

    @Schema(name = "WorklistDismissal")
    record Dismissal(
            @Schema(example = "12") Long id,
            @Schema(example = "spam", allowableValues = {"spam", "resolved_elsewhere", "other"}) String reason,
            @Schema(example = "Robocall", nullable = true) String note,
            @Schema(example = "2026-10-14T09:12:00Z", format = "date-time") String dismissedAt,
            @Schema(example = "4", description = "The API key that dismissed it") Long dismissedByKeyId,
            @Schema(example = "null", nullable = true, format = "date-time",
                    description = "History only: when it was taken back or replaced") String undismissedAt,
            @Schema(example = "null", nullable = true, description = "History only") Long undismissedByKeyId) {}

    @Schema(name = "WorklistLine", description = "One caller number with missed calls in the period")
    record Line(
            @Schema(example = "+905321234567") String number,
            @Schema(example = "31", nullable = true) Long contactId,
            @Schema(example = "Ayşe Yılmaz", nullable = true) String contactName,
            @Schema(example = "7", nullable = true) Long companyId,
            @Schema(example = "Deniz Lojistik", nullable = true) String companyName,
            @Schema(example = "3") int missedCalls,
            @Schema(example = "2026-10-12T07:41:09Z", format = "date-time") String firstMissedAt,
            @Schema(example = "2026-10-14T13:02:44Z", format = "date-time") String lastMissedAt,
            @Schema(example = "{\"out_of_business_hours\": 1, \"abandoned\": 2}",
                    description = "Missed calls per missing_call_reason") Map<String, Integer> reasons,
            @Schema(example = "1") int returned,
            @Schema(example = "2") int unreturned,
            @Schema(example = "2026-10-12T08:03:51Z", nullable = true, format = "date-time") String lastCallbackAt,
            @Schema(example = "fcc10162-820f-4ade-a83c-409f754ec06e", nullable = true, format = "uuid")
            String callbackCdrUuid,
            @Schema(example = "unreturned", allowableValues = {"unreturned", "returned", "dismissed"}) String status,
            @Schema(nullable = true) Dismissal dismissal) {}

    record WorklistMeta(
            @Schema(example = "214") long count, @Schema(example = "50") int limit,
            @Schema(example = "dzF8dW5yZXR1cm5lZHwxNzYw", nullable = true) String nextCursor,
            @Schema(example = "2026-09-30T21:00:00Z", format = "date-time") String from,
            @Schema(example = "2026-10-31T21:00:00Z", format = "date-time") String to) {}

    record HistoryMeta(@Schema(example = "2") long count) {}

    @Schema(name = "DismissRequest")
    record DismissRequest(
            @Schema(example = "other", allowableValues = {"spam", "resolved_elsewhere", "other"},
                    requiredMode = Schema.RequiredMode.REQUIRED) String reason,
            @Schema(example = "Called us from another number", maxLength = 1000,
                    description = "Required for other") String note) {}

    record SummaryBody(Summary data) {}

    record WorklistBody(List<Line> data, WorklistMeta meta) {}

    record LineBody(@Schema(nullable = true) Line data) {}

    record HistoryBody(List<Dismissal> data, HistoryMeta meta) {}
}
