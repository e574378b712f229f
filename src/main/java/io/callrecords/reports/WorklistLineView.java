package io.callrecords.reports;

import io.callrecords.shared.Timestamps;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Map;

/**
 * A line of the missed-call worklist as {@code /api/v3/missed-calls} answers it and the worklist page reads it: the
 * components are the wire fields, in their order and in snake case; times are the API's wire form
 * ({@link Timestamps#wire}), null where there is none.
 */
@Schema(name = "WorklistLine", description = "One caller number with missed calls in the period")
public record WorklistLineView(
        @Schema(example = "+905321234567") String number,
        @Schema(example = "31", nullable = true) Long contactId,
        @Schema(example = "Ayşe Yılmaz", nullable = true) String contactName,
        @Schema(example = "7", nullable = true) Long companyId,
        @Schema(example = "Deniz Lojistik", nullable = true) String companyName,
        @Schema(example = "3") long missedCalls,
        @Schema(example = "2026-10-12T07:41:09Z", format = "date-time") String firstMissedAt,
        @Schema(example = "2026-10-14T13:02:44Z", format = "date-time") String lastMissedAt,
        @Schema(example = "{\"out_of_business_hours\": 1, \"abandoned\": 2}",
                description = "Missed calls per missing_call_reason, only the reasons the line has")
        Map<String, Long> reasons,
        @Schema(example = "1") long returned,
        @Schema(example = "2") long unreturned,
        @Schema(example = "2026-10-12T08:03:51Z", nullable = true, format = "date-time") String lastCallbackAt,
        @Schema(example = "fcc10162-820f-4ade-a83c-409f754ec06e", nullable = true, format = "uuid")
        String callbackCdrUuid,
        @Schema(example = "unreturned", allowableValues = {"unreturned", "returned", "dismissed"}) String status,
        @Schema(nullable = true, description = "The active dismissal of the number; null when there is none")
        Dismissal dismissal) {

    static WorklistLineView of(WorklistLine line) {
        return new WorklistLineView(line.number(), line.contactId(), line.contactName(), line.companyId(),
                line.companyName(), line.missedCalls(), Timestamps.wire(line.firstMissedAt()),
                Timestamps.wire(line.lastMissedAt()), line.reasons(), line.returned(), line.unreturned(),
                Timestamps.wire(line.lastCallbackAt()),
                line.callbackCdrUuid() == null ? null : line.callbackCdrUuid().toString(), line.status().wire(),
                line.dismissal() == null ? null : Dismissal.of(line.dismissal()));
    }

    /** A dismissal as a line shows it: why, and who dismissed the number when. */
    @Schema(name = "WorklistLineDismissal")
    public record Dismissal(
            @Schema(example = "spam", allowableValues = {"spam", "resolved_elsewhere", "other"}) String reason,
            @Schema(example = "Robocall", nullable = true) String note,
            @Schema(example = "2026-10-14T09:12:00Z", format = "date-time") String dismissedAt,
            @Schema(example = "4", nullable = true, description = "The API key that dismissed it; null for a person"
                    + " signed in with a password") Long dismissedByKeyId,
            @Schema(example = "11", nullable = true, description = "The user who dismissed it; null for an account's"
                    + " API key") Long dismissedByUserId) {

        static Dismissal of(io.callrecords.reports.Dismissal dismissal) {
            return new Dismissal(dismissal.reason(), dismissal.note(), Timestamps.wire(dismissal.dismissedAt()),
                    dismissal.dismissedBy(), dismissal.dismissedByUser());
        }
    }
}
