package io.callrecords.web;

import io.callrecords.accounts.PageSession;
import io.callrecords.accounts.Scope;
import io.callrecords.calls.LiveCalls;
import io.callrecords.people.DirectoryNames;
import io.callrecords.people.Rosters;
import io.callrecords.reports.SummaryReports;
import io.callrecords.reports.SummaryView;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The live wallboard: calls in progress, who is on a call, the callers waiting in each team's queue and for how long,
 * and today's tiles. The page polls {@code /live/board} (htmx, every few seconds; a tab nobody looks at does not) and
 * swaps the board in place. {@code ?tv=1}, or the full-screen button, shows it large and dark for a screen across the
 * room. An agent's board shows their own calls and figures.
 */
@Controller
class LiveController {

    static final int DEFAULT_REFRESH = 5;

    private final LiveCalls liveCalls;
    private final SummaryReports reports;
    private final DirectoryNames directoryNames;
    private final Rosters rosters;
    private final PageModel pages;
    private final Clock clock;

    LiveController(LiveCalls liveCalls, SummaryReports reports, DirectoryNames directoryNames, Rosters rosters,
                   PageModel pages, Clock clock) {
        this.liveCalls = liveCalls;
        this.reports = reports;
        this.directoryNames = directoryNames;
        this.rosters = rosters;
        this.pages = pages;
        this.clock = clock;
    }

    @GetMapping("/live")
    String live(@RequestAttribute(PageSessionFilter.SESSION) PageSession session,
                @RequestParam(required = false) String tv, @RequestParam(required = false) String refresh, Model model) {
        int seconds = refresh(refresh);
        model.addAttribute("tv", "1".equals(tv));
        model.addAttribute("refresh", seconds);
        model.addAttribute("boardUrl", "/live/board");
        model.addAttribute("board", board(session));
        return "live";
    }

    @GetMapping("/live/board")
    String board(@RequestAttribute(PageSessionFilter.SESSION) PageSession session, Model model) {
        model.addAttribute("board", board(session));
        return "live :: board";
    }

    /** The board now: the calls in progress (one query), today's summary, the teams and the names they need. */
    private LiveBoard board(PageSession session) {
        session.caller().require(Scope.READ); // as the API asks of its reports and calls
        ZoneId zone = pages.zone(session);
        Instant now = clock.instant();
        List<LiveCalls.LiveCall> calls = liveCalls.now(session.caller());
        SummaryView today = reports.today(session.caller());
        // A large directory's board names only the teams with callers waiting: no reading every team's name each refresh.
        int teamCount = rosters.teamCount(session.caller().accountId());
        Map<Long, String> teams = LiveBoard.listsEveryTeam(teamCount) ? rosters.teams(session.caller().accountId()) : Map.of();
        return LiveBoard.of(today.total(), today.slSeconds(), calls, teams, teamCount,
                directoryNames.of(session.caller().accountId(), LiveBoard.wanted(calls)), now, zone);
    }

    /** Seconds between refreshes, 1 to 600; the default for anything else. */
    private static int refresh(String value) {
        try {
            int seconds = Integer.parseInt(value == null ? "" : value.strip());
            return seconds >= 1 && seconds <= 600 ? seconds : DEFAULT_REFRESH;
        } catch (NumberFormatException e) {
            return DEFAULT_REFRESH;
        }
    }
}
