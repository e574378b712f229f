package io.callrecords.reports;

import java.time.Instant;
import java.util.List;

/**
 * A dismissal of a caller number from the worklist, kept forever as its audit trail.
 *
 * @param dismissedBy   the API key that dismissed the number
 * @param undismissedAt when it stopped applying (taken back, or replaced by a newer dismissal); null while active
 * @param undismissedBy the API key that ended it; null while active
 */
record Dismissal(long id, String reason, String note, Instant dismissedAt, long dismissedBy, Instant undismissedAt,
                 Long undismissedBy) {

    /** Why a number needs no callback; {@link #OTHER} needs a note saying why. */
    static final List<String> REASONS = List.of("spam", "resolved_elsewhere", "other");
    static final String OTHER = "other";
    static final int MAX_NOTE_LENGTH = 1000;
}
