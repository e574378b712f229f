package io.callrecords.reports;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * The summary report as {@code GET /api/v3/reports/summary} answers it (in {@code data}) and the dashboard reads it:
 * the components are the wire fields, in their order and in snake case. Every bucket has the fields of its grouping
 * (a span of time, a weekday's hour, or the id grouped by) followed by its measures.
 */
@Schema(name = "ReportSummary")
public record SummaryView(
        @Schema(example = "2026-10-01T00:00+02:00") String from,
        @Schema(example = "2026-10-02T00:00+02:00") String to,
        @Schema(example = "Europe/Berlin") String timezone,
        @Schema(example = "20") int slSeconds,
        @Schema(example = "day", nullable = true, allowableValues = {"day", "hour", "weekday_hour", "user", "number",
                "team"}) String groupBy,
        ReportMeasures total,
        @ArraySchema(arraySchema = @Schema(description = "One per bucket of group_by; empty without group_by"),
                schema = @Schema(oneOf = {TimeBucket.class, HeatMapCell.class, UserBucket.class, NumberBucket.class,
                        TeamBucket.class}))
        List<Bucket> buckets) {

    /** A bucket of one of the groupings. */
    @Schema(name = "ReportBucket", description = "A bucket: the fields of its grouping, then its measures")
    public sealed interface Bucket permits TimeBucket, HeatMapCell, UserBucket, NumberBucket, TeamBucket {
        String key();
    }

    /** A local day or hour (group_by day or hour), every measure. */
    @Schema(name = "ReportTimeBucket", description = "A local day or hour (group_by day, hour) and its measures")
    public record TimeBucket(
            @Schema(example = "2026-10-01", description = "The local date, or the start of the local hour") String key,
            @Schema(example = "2026-10-01T00:00+02:00") String from,
            @Schema(example = "2026-10-02T00:00+02:00") String to,
            @JsonUnwrapped ReportMeasures measures) implements Bucket {}

    /** A weekday's hour (group_by weekday_hour), with the counts of offered and missed calls only. */
    @Schema(name = "ReportHeatMapCell", description = "A weekday's hour over the period (group_by weekday_hour): its"
            + " calls and missed calls")
    public record HeatMapCell(
            @Schema(example = "sat 12:00") String key,
            @Schema(example = "6", description = "1 is Monday") int weekday,
            @Schema(example = "12") int hour,
            @Schema(example = "14") long inbound,
            @Schema(example = "12") long offered,
            @Schema(example = "3") long missed,
            @Schema(example = "1") long missedAbandoned,
            @Schema(example = "1") long missedShortAbandoned,
            @Schema(example = "0") long missedCallback,
            @Schema(example = "1") long missedOutOfBusinessHours,
            @Schema(example = "0") long missedDenylist,
            @Schema(example = "0.0833", nullable = true, description = "The offered calls that were missed, of the"
                    + " offered calls; null when none was offered") Double missedShare) implements Bucket {}

    @Schema(name = "ReportUserBucket", description = "A user (group_by user) and the measures of their calls")
    public record UserBucket(
            @Schema(example = "7", description = "The user id, or none") String key,
            @Schema(example = "7", nullable = true) Long userId,
            @Schema(example = "7", nullable = true, description = "The user id again, as every grouping by an id names it"
                    + " (with name): the same field whatever group_by is") Long id,
            @Schema(example = "Ayşe Yılmaz", nullable = true, description = "The user's name in the account's"
                    + " directory (\"Name (deleted)\" for a deleted user); null when the directory does not know"
                    + " the id, or for none") String name,
            @JsonUnwrapped ReportMeasures measures) implements Bucket {}

    @Schema(name = "ReportNumberBucket", description = "An account number (group_by number) and the measures of its"
            + " calls")
    public record NumberBucket(
            @Schema(example = "3", description = "The number id, or none") String key,
            @Schema(example = "3", nullable = true) Long numberId,
            @Schema(example = "3", nullable = true, description = "The number id again, as every grouping by an id names it"
                    + " (with name): the same field whatever group_by is") Long id,
            @Schema(example = "Main line (+90 212 555 01 00)", nullable = true, description = "The number's name"
                    + " and line in the account's directory; null when the directory does not know the id, or for"
                    + " none") String name,
            @JsonUnwrapped ReportMeasures measures) implements Bucket {}

    @Schema(name = "ReportTeamBucket", description = "A team (group_by team) and the measures of its calls")
    public record TeamBucket(
            @Schema(example = "5", description = "The team id, or none") String key,
            @Schema(example = "5", nullable = true) Long teamId,
            @Schema(example = "5", nullable = true, description = "The team id again, as every grouping by an id names it"
                    + " (with name): the same field whatever group_by is") Long id,
            @Schema(example = "Support queue", nullable = true, description = "The team's name in the account's"
                    + " directory; null when the directory does not know the id, or for none") String name,
            @JsonUnwrapped ReportMeasures measures) implements Bucket {}
}
