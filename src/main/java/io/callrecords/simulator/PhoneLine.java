package io.callrecords.simulator;

import java.util.List;
import java.util.Locale;

/**
 * One of the center's phone numbers (DIDs) and where its calls go first.
 *
 * @param numberId   the platform's id of the number ({@code number_id} of the records)
 * @param entry      the first endpoint of an inbound call: the IVR greeting, a team's queue, or a smart IVR
 * @param entryId    the id of that endpoint
 * @param teams      the queues callers reach from here (the IVR menu's choices, or the one team)
 * @param share      the share of the center's inbound calls that come in on this number
 * @param ownHours   this number's own schedule, overriding the center's; null when it follows the center's
 */
public record PhoneLine(long numberId, String number, Entry entry, long entryId, List<Long> teams, double share,
                        OpeningHours ownHours) {

    /** The endpoint types a line may start with, as {@code callee_type} names them. */
    public enum Entry {
        GREETING, TEAM, SMART_IVR;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public PhoneLine {
        teams = List.copyOf(teams);
    }
}
