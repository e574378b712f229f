package io.callrecords.web;

import io.callrecords.calls.LiveCalls.LiveCall;
import io.callrecords.people.EntryKind;
import io.callrecords.people.EntryNames;
import io.callrecords.reports.ReportMeasures;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The wallboard at one moment (reports.md, "Live"): today's tiles, the callers waiting in each team's queue and the
 * longest wait, who is on a call, and the calls in progress, in people's words.
 *
 * <p>Public, as the view models of the pages are, for the templates to read.
 *
 * @param quietTeams the teams with nobody waiting that a large directory's board leaves out (0 when it lists all)
 */
public record LiveBoard(String updated, List<DashboardView.Tile> tiles, List<Queue> queues, int quietTeams,
                        List<String> onCall, List<Call> calls) {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    /** A team's queue: how many wait, and for how long the longest has ("0:00" for none). */
    public record Queue(long teamId, String name, int waiting, String longest) {}

    /** A call in progress: its start, how long it has lasted, who calls whom, and where it is now. */
    public record Call(String uuid, String started, String lasted, String direction, String from, String to,
                       String state) {}

    /**
     * @param teams     every live team by name when they are few enough to list all ({@link #listsEveryTeam}),
     *                  else empty: the waiting queues' teams are then named through {@code names}
     * @param teamCount how many live teams the account has
     */
    static LiveBoard of(ReportMeasures today, int sl, List<LiveCall> calls, Map<Long, String> teams, int teamCount,
                        EntryNames names, Instant now, ZoneId zone) {
        Map<Long, List<LiveCall>> waiting = new LinkedHashMap<>();
        // Every team's queue, also the empty ones, unless there are too many to read at a glance (or to draw every
        // few seconds): then the queues with someone waiting, and how many others have nobody.
        boolean all = listsEveryTeam(teamCount);
        if (all) {
            teams.keySet().forEach(id -> waiting.put(id, new ArrayList<>()));
        }
        Set<String> onCall = new LinkedHashSet<>();
        List<Call> rows = new ArrayList<>();
        for (LiveCall c : calls) {
            if (c.waiting()) {
                waiting.computeIfAbsent(c.routedTeam(), id -> new ArrayList<>()).add(c);
            }
            if (c.connectedAt() != null && c.userId() != null) {
                onCall.add(user(c.userId(), names));
            }
            if ("user".equals(c.callerType()) && c.callerId() != null) { // dialling out counts as on a call
                onCall.add(user(c.callerId(), names));
            }
            rows.add(new Call(c.uuid().toString(), CLOCK.format(c.startedAt().atZone(zone)),
                    Words.seconds(Duration.between(c.startedAt(), now).toSeconds()),
                    Words.direction(c.direction()), c.callerNumber(), c.calleeNumber(), state(c, names, teams, now)));
        }
        List<Queue> queues = new ArrayList<>();
        waiting.forEach((team, queued) -> {
            long longest = queued.stream().mapToLong(c -> Duration.between(c.waitingSince(), now).toSeconds()).max().orElse(0);
            queues.add(new Queue(team, team(team, teams, names), queued.size(), Words.seconds(Math.max(0, longest))));
        });
        int quiet = all ? 0 : Math.max(0, teamCount - waiting.size());
        return new LiveBoard(CLOCK.format(now.atZone(zone)), tiles(today, sl), queues, quiet, List.copyOf(onCall), rows);
    }

    /** Whether the board shows every team's queue, the empty ones too. */
    static boolean listsEveryTeam(int teamCount) {
        return teamCount <= Performance.LISTED_IN_FULL;
    }

    /** Every name the board may show, for one directory lookup. */
    static EntryNames.Wanted wanted(List<LiveCall> calls) {
        EntryNames.Wanted wanted = new EntryNames.Wanted();
        for (LiveCall c : calls) {
            wanted.add(EntryKind.USER, c.userId());
            if ("user".equals(c.callerType())) {
                wanted.add(EntryKind.USER, c.callerId());
            }
            wanted.add(EntryKind.TEAM, c.routedTeam());
        }
        return wanted;
    }

    private static String state(LiveCall c, EntryNames names, Map<Long, String> teams, Instant now) {
        if (c.connectedAt() != null) {
            return c.userId() == null ? "In conversation" : "Talking with " + user(c.userId(), names);
        }
        if (c.waiting()) {
            return "Waiting in " + team(c.routedTeam(), teams, names) + " for "
                    + Words.seconds(Math.max(0, Duration.between(c.waitingSince(), now).toSeconds()));
        }
        return "inbound".equals(c.direction()) ? "Not answered yet" : "Dialling";
    }

    private static String user(Long id, EntryNames names) {
        String name = names.label(EntryKind.USER, id);
        return name == null ? "User " + id : name;
    }

    private static String team(Long id, Map<Long, String> teams, EntryNames names) {
        String name = teams.containsKey(id) ? teams.get(id) : names.label(EntryKind.TEAM, id);
        return name == null ? "Team " + id : name;
    }

    private static List<DashboardView.Tile> tiles(ReportMeasures t, int sl) {
        return List.of(
                new DashboardView.Tile("inbound", "Inbound today", Figures.count(t.inbound()), "all calls in"),
                new DashboardView.Tile("answered", "Answered", Figures.count(t.answered()), "connected to someone"),
                new DashboardView.Tile("missed", "Missed", Figures.count(t.missed()), "for any reason"),
                new DashboardView.Tile("answer_rate", "Answer rate", Figures.percent(t.answerRate()), "answered of offered"),
                new DashboardView.Tile("service_level", "Service level", Figures.percent(t.serviceLevel()),
                        "answered within " + sl + " s"),
                new DashboardView.Tile("asa_mean", "Speed of answer", Figures.seconds(t.asaMean()), "mean (ASA)"),
                new DashboardView.Tile("outbound", "Outbound today", Figures.count(t.outbound()), "calls made"));
    }
}
