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

    private final SummaryReports reports;
    private final Rosters rosters;

    Performance(SummaryReports reports, Rosters rosters) {
        this.reports = reports;
        this.rosters = rosters;
    }

    /** The agents of the period, by name, their bars scaled to the widest; only {@code only} when not null. */
    List<AgentRow> agents(Caller caller, DashboardPeriod period, Collection<Long> only) {
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
        List<AgentRow> rows = new ArrayList<>();
        names.forEach((id, name) -> {
            if ((own == null || own.equals(id)) && (only == null || only.contains(id))) {
                rows.add(AgentRow.of(id, name, measures.get(id)));
            }
        });
        long widest = rows.stream().mapToLong(AgentRow::barLength).max().orElse(0);
        return rows.stream().sorted(BY_NAME_AGENT).map(r -> r.scaled(widest)).toList();
    }

    /** The teams of the period, by name, their bars scaled to the widest. */
    List<TeamRow> teams(Caller caller, DashboardPeriod period) {
        SummaryView report = reports.summary(caller, period.api("team"));
        Map<Long, String> names = new LinkedHashMap<>(rosters.teams(caller.accountId()));
        Map<Long, ReportMeasures> measures = new LinkedHashMap<>();
        for (SummaryView.Bucket b : report.buckets()) {
            if (b instanceof SummaryView.TeamBucket t && t.teamId() != null) {
                measures.put(t.teamId(), t.measures());
                names.putIfAbsent(t.teamId(), t.name() == null ? "Team " + t.teamId() : t.name());
            }
        }
        List<TeamRow> rows = new ArrayList<>();
        names.forEach((id, name) -> rows.add(TeamRow.of(id, name, measures.get(id))));
        long widest = rows.stream().mapToLong(TeamRow::barLength).max().orElse(0);
        return rows.stream().sorted(BY_NAME_TEAM).map(r -> r.scaled(widest)).toList();
    }

    List<Long> members(Caller caller, long teamId) {
        return rosters.members(caller.accountId(), teamId);
    }
}
