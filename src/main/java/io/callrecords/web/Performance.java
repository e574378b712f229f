package io.callrecords.web;

import io.callrecords.accounts.Caller;
import io.callrecords.people.Rosters;
import io.callrecords.reports.ReportMeasures;
import io.callrecords.reports.SummaryReports;
import io.callrecords.reports.SummaryView;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The figures of the agents and teams pages: the summary report by user or by team ({@link SummaryReports}, what the
 * API answers), one row for each of the account's users or teams (also those with no call in the period) and for
 * each id the report has that the directory no longer lists. An agent's rows are their own only (ADR 0022): the report
 * already counts only their own calls and rings, and the rows of other users are left out.
 */
@Component
class Performance {

    /** The tables open sorted by name (their first column says so), then by id. */
    private static final Comparator<AgentRow> BY_NAME_AGENT = Comparator
            .comparing((AgentRow r) -> r.name().toLowerCase(Locale.ROOT)).thenComparingLong(AgentRow::id);
    private static final Comparator<TeamRow> BY_NAME_TEAM = Comparator
            .comparing((TeamRow r) -> r.name().toLowerCase(Locale.ROOT)).thenComparingLong(TeamRow::id);

    /**
     * A directory of up to this many users (or teams) is listed in full; a larger one lists those with a call in the
     * period, and the others on request: a table of 10,000 agents of whom 40 took calls is neither read nor fast.
     */
    static final int LISTED_IN_FULL = 200;

    /**
     * The rows of a table, and how many members with no call in the period it leaves out.
     *
     * @param idleNotListed the members with no call in the period not in {@code rows}; 0 when all are listed
     */
    record Listed<R>(List<R> rows, int idleNotListed) {}

    private final SummaryReports reports;
    private final Rosters rosters;

    Performance(SummaryReports reports, Rosters rosters) {
        this.reports = reports;
        this.rosters = rosters;
    }

    /** The agents of the period, by name, their bars scaled to the widest; only {@code only} when not null. */
    List<AgentRow> agents(Caller caller, DashboardPeriod period, Collection<Long> only) {
        return agents(caller, period, only, true).rows();
    }

    /**
     * The agents' table: every agent of the directory when it is small or {@code listIdle}, else the agents with a
     * call in the period.
     */
    Listed<AgentRow> agentsTable(Caller caller, DashboardPeriod period, boolean listIdle) {
        return agents(caller, period, null, listIdle);
    }

    private Listed<AgentRow> agents(Caller caller, DashboardPeriod period, Collection<Long> only, boolean listIdle) {
        SummaryView report = reports.summary(caller, period.api("user"));
        Map<Long, String> names = new LinkedHashMap<>(rosters.users(caller.accountId()));
        Map<Long, ReportMeasures> measures = new LinkedHashMap<>();
        for (SummaryView.Bucket b : report.buckets()) {
            if (b instanceof SummaryView.UserBucket u && u.userId() != null) {
                measures.put(u.userId(), u.measures());
                names.putIfAbsent(u.userId(), u.name() == null ? "User " + u.userId() : u.name());
            }
        }
        Long own = caller.ownCallsOnly();
        boolean all = listIdle || names.size() <= LISTED_IN_FULL;
        List<AgentRow> rows = new ArrayList<>();
        int idle = 0;
        for (Map.Entry<Long, String> user : names.entrySet()) {
            long id = user.getKey();
            if ((own == null || own.equals(id)) && (only == null || only.contains(id))) {
                if (all || measures.containsKey(id)) {
                    rows.add(AgentRow.of(id, user.getValue(), measures.get(id)));
                } else {
                    idle++;
                }
            }
        }
        long widest = rows.stream().mapToLong(AgentRow::barLength).max().orElse(0);
        return new Listed<>(rows.stream().sorted(BY_NAME_AGENT).map(r -> r.scaled(widest)).toList(), idle);
    }

    /** The teams of the period, by name, their bars scaled to the widest. */
    List<TeamRow> teams(Caller caller, DashboardPeriod period) {
        return teamsTable(caller, period, true).rows();
    }

    /** The teams' table: every team when there are few or {@code listIdle}, else the teams a call touched in the period. */
    Listed<TeamRow> teamsTable(Caller caller, DashboardPeriod period, boolean listIdle) {
        SummaryView report = reports.summary(caller, period.api("team"));
        Map<Long, String> names = new LinkedHashMap<>(rosters.teams(caller.accountId()));
        Map<Long, ReportMeasures> measures = new LinkedHashMap<>();
        for (SummaryView.Bucket b : report.buckets()) {
            if (b instanceof SummaryView.TeamBucket t && t.teamId() != null) {
                measures.put(t.teamId(), t.measures());
                names.putIfAbsent(t.teamId(), t.name() == null ? "Team " + t.teamId() : t.name());
            }
        }
        boolean all = listIdle || names.size() <= LISTED_IN_FULL;
        List<TeamRow> rows = new ArrayList<>();
        int idle = 0;
        for (Map.Entry<Long, String> team : names.entrySet()) {
            if (all || measures.containsKey(team.getKey())) {
                rows.add(TeamRow.of(team.getKey(), team.getValue(), measures.get(team.getKey())));
            } else {
                idle++;
            }
        }
        long widest = rows.stream().mapToLong(TeamRow::barLength).max().orElse(0);
        return new Listed<>(rows.stream().sorted(BY_NAME_TEAM).map(r -> r.scaled(widest)).toList(), idle);
    }

    List<Long> members(Caller caller, long teamId) {
        return rosters.members(caller.accountId(), teamId);
    }
}
