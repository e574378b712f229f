package io.callrecords.simulator;

import java.time.Instant;
import java.util.UUID;

/**
 * A call that a missed call leads to later: the caller trying again, or an agent returning the call.
 *
 * @param sequence   breaks ties of {@code at}, so the order of calls never depends on anything but the seed
 * @param missed     for a return, the missed call it returns
 * @param team       for a return, the team whose agents call back
 * @param user       for a return, the user who should call back (the one the caller tried to reach), or null
 */
record FollowUp(Instant at, long sequence, Kind kind, String number, CallerPool.Party party, UUID missed, long team,
                Long user) implements Comparable<FollowUp> {

    enum Kind { RETRY, RETURN }

    @Override
    public int compareTo(FollowUp other) {
        int byTime = at.compareTo(other.at);
        return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
    }
}
