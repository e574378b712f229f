package io.callrecords.calls;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What a call list, its export and the legacy cdrs list select: every condition holds at once. A null set or
 * value is no condition; an empty set matches nothing (as {@code direction[eq]=inbound&direction[in]=outbound}).
 *
 * @param live         calls in progress instead of ended calls ({@code status=live})
 * @param returned     missing calls that were ({@code true}) or were not ({@code false}) called back
 * @param numberDigits digits to find inside caller_number or callee_number ({@code q})
 * @param tagIds       calls that carry any of these tags ({@code tag_id})
 * @param commented    calls with ({@code true}) or without ({@code false}) a comment ({@code commented})
 * @param dispositionCodes calls given any of these disposition codes ({@code disposition_code})
 * @param dispositionIds the ids of those codes in the account ({@link DispositionCodes#resolve}), which is what the
 *                     statement filters by: PostgreSQL estimates a condition on ids by their own statistics, and
 *                     would take every code for an average one through a join
 */
record CallFilter(boolean live,
                  List<Bound<Instant>> startedAt,
                  List<Bound<Integer>> callDuration,
                  List<Bound<Instant>> updatedAt,
                  Set<Direction> directions,
                  Boolean missingCall,
                  Set<MissingCallReason> missingCallReasons,
                  Set<Long> userIds,
                  Long numberId,
                  Set<EndpointType> calleeTypes,
                  Boolean returned,
                  String numberDigits,
                  Set<Long> tagIds,
                  Boolean commented,
                  Set<String> dispositionCodes,
                  Set<Long> dispositionIds) {

    CallFilter {
        startedAt = List.copyOf(startedAt);
        callDuration = List.copyOf(callDuration);
        updatedAt = List.copyOf(updatedAt);
    }

    /** This filter with the ids of its disposition codes in the account. */
    CallFilter withDispositionIds(Set<Long> ids) {
        return new CallFilter(live, startedAt, callDuration, updatedAt, directions, missingCall, missingCallReasons,
                userIds, numberId, calleeTypes, returned, numberDigits, tagIds, commented, dispositionCodes, ids);
    }

    /** Every ended call of the account. */
    static CallFilter ended() {
        return new CallFilter(false, List.of(), List.of(), List.of(), null, null, null, null, null, null, null, null, null, null, null, null);
    }
}
