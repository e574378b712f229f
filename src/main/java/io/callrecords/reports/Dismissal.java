package io.callrecords.reports;

import java.time.Instant;
import java.util.List;

/**
 * A dismissal of a caller number from the worklist, kept forever as its audit trail.
 *
 * @param dismissedBy       the API key that dismissed the number; null for a person signed in with a password
 * @param dismissedByUser   the person who dismissed it (a password session or a personal key); null for an account key
 * @param undismissedAt     when it stopped applying (taken back, or replaced by a newer dismissal); null while active
 * @param undismissedBy     the API key that ended it; null while active, or ended by a password session
 * @param undismissedByUser the person who ended it; null while active, or ended with an account key
 */
record Dismissal(long id, String reason, String note, Instant dismissedAt, Long dismissedBy, Long dismissedByUser,
                 Instant undismissedAt, Long undismissedBy, Long undismissedByUser) {

    /** Why a number needs no callback; {@link #OTHER} needs a note saying why. */
    static final List<String> REASONS = List.of("spam", "resolved_elsewhere", "other");
    static final String OTHER = "other";
    static final int MAX_NOTE_LENGTH = 1000;
}
