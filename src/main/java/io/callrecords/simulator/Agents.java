package io.callrecords.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Who is on a call until when, so that a queue rings an agent who is free (when anyone is) and one agent
 * rarely talks to two callers at once. Deliberately no more than that: waits are drawn, not queued.
 */
final class Agents {

    private final Staff staff;
    private final Map<Long, Instant> busyUntil = new HashMap<>();

    Agents(Staff staff) {
        this.staff = staff;
    }

    /** A member of the team who is free at {@code at}; any member when all are busy. */
    Staff.User pick(Staff.Team team, Instant at, Draw draw) {
        return staff.user(pickFree(team.members(), at, draw));
    }

    /** Anyone free at {@code at} other than {@code except} (a colleague to transfer to or to call). */
    Staff.User colleague(long except, Instant at, Draw draw) {
        if (staff.users().size() == 1) {
            return staff.user(except);
        }
        List<Long> others = new ArrayList<>();
        for (Staff.User u : staff.users()) {
            if (u.id() != except) {
                others.add(u.id());
            }
        }
        return staff.user(pickFree(others, at, draw));
    }

    Staff.User anyone(Instant at, Draw draw) {
        return colleague(-1, at, draw);
    }

    void busy(long user, Instant until) {
        busyUntil.merge(user, until, (a, b) -> a.isAfter(b) ? a : b);
    }

    private long pickFree(List<Long> candidates, Instant at, Draw draw) {
        List<Long> free = new ArrayList<>();
        for (long id : candidates) {
            Instant until = busyUntil.get(id);
            if (until == null || !until.isAfter(at)) {
                free.add(id);
            }
        }
        return draw.pick(free.isEmpty() ? candidates : free);
    }
}
