package io.callrecords.reports;

import io.callrecords.shared.Timestamps;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * The bodies of the worklist endpoints: a page of lines, one line, and a number's dismissals. The records are the
 * wire shapes (components in order, in snake case) and the OpenAPI document's schemas alike.
 */
final class WorklistDocument {

    private WorklistDocument() {}

    /** {@code {"data": [LINE...], "meta": {"count", "limit", "next_cursor", "from", "to"}}}. */
    record WorklistBody(List<WorklistLineView> data, WorklistMeta meta) {}

    record WorklistMeta(
            @Schema(example = "214", description = "All the lines that match") long count,
            @Schema(example = "50") int limit,
            @Schema(example = "dzF8dW5yZXR1cm5lZHwxNzYw", nullable = true, description = "The cursor of the next"
                    + " page; null after the last") String nextCursor,
            @Schema(example = "2026-09-30T21:00:00Z", format = "date-time") String from,
            @Schema(example = "2026-10-31T21:00:00Z", format = "date-time") String to) {}

    /** {@code {"data": LINE}}, null when none of the number's missed calls is in the period. */
    record LineBody(@Schema(nullable = true) WorklistLineView data) {}

    /** {@code {"data": [DISMISSAL...], "meta": {"count"}}}, each with its end, newest first. */
    record HistoryBody(List<DismissalEntry> data, HistoryMeta meta) {}

    record HistoryMeta(@Schema(example = "2") int count) {}

    @Schema(name = "WorklistDismissal", description = "A dismissal of the number, active or ended")
    record DismissalEntry(
            @Schema(example = "12") long id,
            @Schema(example = "spam", allowableValues = {"spam", "resolved_elsewhere", "other"}) String reason,
            @Schema(example = "Robocall", nullable = true) String note,
            @Schema(example = "2026-10-14T09:12:00Z", format = "date-time") String dismissedAt,
            @Schema(example = "4", nullable = true, description = "The API key that dismissed it; null for a person"
                    + " signed in with a password") Long dismissedByKeyId,
            @Schema(example = "null", nullable = true, format = "date-time",
                    description = "When it was taken back or replaced; null while active") String undismissedAt,
            @Schema(example = "null", nullable = true, description = "The API key that ended it")
            Long undismissedByKeyId,
            @Schema(example = "11", nullable = true, description = "The user who dismissed it; null for an account's"
                    + " API key") Long dismissedByUserId,
            @Schema(example = "null", nullable = true, description = "The user who ended it")
            Long undismissedByUserId) {

        static DismissalEntry of(Dismissal d) {
            return new DismissalEntry(d.id(), d.reason(), d.note(), Timestamps.wire(d.dismissedAt()), d.dismissedBy(),
                    Timestamps.wire(d.undismissedAt()), d.undismissedBy(), d.dismissedByUser(), d.undismissedByUser());
        }
    }

    static WorklistBody page(Worklist.Page page, WorklistRequest request) {
        return new WorklistBody(lines(page), new WorklistMeta(page.count(), request.limit(),
                page.next() == null ? null : page.next().encode(), Timestamps.wire(request.period().from()),
                Timestamps.wire(request.period().to())));
    }

    static List<WorklistLineView> lines(Worklist.Page page) {
        return page.lines().stream().map(WorklistLineView::of).toList();
    }

    static HistoryBody history(List<Dismissal> dismissals) {
        return new HistoryBody(dismissals.stream().map(DismissalEntry::of).toList(),
                new HistoryMeta(dismissals.size()));
    }
}
