package io.callrecords.reports;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The measures of reports.md for a period or a bucket, as the summary report answers them and the dashboard reads
 * them: the components are the wire fields, in their order and in snake case ({@link MeasureValues} computes them).
 * Counts are integers; rates are fractions (0.9123, four places); durations are seconds (one place); a rate or a
 * duration of nothing is null.
 *
 * @param missedShare   the offered calls that were missed (the missed ones but for the reasons that are not
 *                      offered), over the offered calls
 * @param callbacksMade per user only (group_by=user): absent everywhere else
 * @param rings         per user only, as {@code ringsAnswered} and {@code missedRings}; a user's {@code answerRate} is
 *                      their rings answered over their rings (reports.md)
 */
@Schema(name = "ReportMeasures", description = "The measures of reports.md; rates and durations of nothing are null")
public record ReportMeasures(
        @Schema(example = "120") long inbound,
        @Schema(example = "110") long offered,
        @Schema(example = "98") long answered,
        @Schema(example = "22") long missed,
        @Schema(example = "9") long missedAbandoned,
        @Schema(example = "4") long missedShortAbandoned,
        @Schema(example = "2") long missedCallback,
        @Schema(example = "5") long missedOutOfBusinessHours,
        @Schema(example = "1") long missedDenylist,
        @Schema(example = "0.1364", nullable = true) Double missedShare,
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
        @Schema(example = "64") long outbound,
        @Schema(example = "51") long outboundConnected,
        @Schema(example = "0.7969", nullable = true) Double outboundConnectRate,
        @Schema(example = "122.0", nullable = true) Double outboundHandleTime,
        @Schema(example = "7") long internal,
        @Schema(example = "45.5", nullable = true) Double internalHandleTime,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(example = "3", description = "Only per user (group_by=user): the user's calls that returned a missed"
                + " call") Long callbacksMade,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(example = "40", description = "Only per user (group_by=user): the times the user's phone rang for an"
                + " inbound call, also for calls someone else took") Long rings,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(example = "34", description = "Only per user (group_by=user): the rings the user picked up") Long ringsAnswered,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(example = "6", description = "Only per user (group_by=user): the rings the user let run out or"
                + " rejected (rings − rings_answered)") Long missedRings) {

    /** The missed calls of a missing_call_reason's wire name (abandoned, short_abandoned, ...); 0 for another. */
    public long missedFor(String reason) {
        return switch (reason) {
            case "abandoned" -> missedAbandoned;
            case "short_abandoned" -> missedShortAbandoned;
            case "callback" -> missedCallback;
            case "out_of_business_hours" -> missedOutOfBusinessHours;
            case "denylist" -> missedDenylist;
            default -> 0;
        };
    }
}
