package io.callrecords.web;

import io.callrecords.accounts.PageSession;
import io.callrecords.accounts.Scope;
import io.callrecords.shared.ApiException;
import io.callrecords.shared.PathIds;
import io.callrecords.shared.ValidationException;
import jakarta.servlet.http.HttpServletResponse;
import io.callrecords.shared.CallrecordsProperties;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The teams: a table of every team's figures for a period (the calls that touched it: inbound, answered, missed,
 * answer rate, speed of answer, handle time, service level) with a chart beside it, a page per team with its
 * members' figures, and the table as CSV. An agent's figures are those of their own calls, as the API's are.
 */
@Controller
class TeamsPageController {

    private final Performance performance;
    private final PageModel pages;
    private final Clock clock;
    private final String opening;

    TeamsPageController(Performance performance, PageModel pages, Clock clock, CallrecordsProperties properties) {
        this.performance = performance;
        this.pages = pages;
        this.clock = clock;
        this.opening = DashboardPeriod.opening(properties);
    }

    @GetMapping("/teams")
    String teams(@RequestAttribute(PageSessionFilter.SESSION) PageSession session,
                 @RequestParam MultiValueMap<String, String> request, Model model, HttpServletResponse response) {
        DashboardPeriod period = period(session, request, model, "/teams");
        try {
            Performance.Listed<TeamRow> table = performance.teamsTable(session.caller(), period,
                    "all".equals(request.getFirst("idle")));
            model.addAttribute("teams", table.rows());
            model.addAttribute("idleNotListed", table.idleNotListed());
            model.addAttribute("listIdle", period.link("/teams") + "&idle=all");
        } catch (ValidationException e) {
            response.setStatus(422);
            model.addAttribute("errors", FormErrors.of(e, DashboardPeriod::fieldOf));
        }
        return "teams";
    }

    @GetMapping("/teams/{id}")
    String team(@RequestAttribute(PageSessionFilter.SESSION) PageSession session, @PathVariable String id,
                @RequestParam MultiValueMap<String, String> request, Model model, HttpServletResponse response) {
        long teamId = PathIds.parse(id);
        DashboardPeriod period = period(session, request, model, "/teams/" + teamId);
        try {
            TeamRow team = performance.teams(session.caller(), period).stream()
                    .filter(t -> t.id() == teamId).findFirst().orElseThrow(ApiException::notFound);
            model.addAttribute("team", team);
            model.addAttribute("agents", performance.agents(session.caller(), period,
                    performance.members(session.caller(), teamId)));
        } catch (ValidationException e) {
            response.setStatus(422);
            model.addAttribute("errors", FormErrors.of(e, DashboardPeriod::fieldOf));
        }
        return "team";
    }

    @GetMapping("/teams/export")
    ResponseEntity<String> export(@RequestAttribute(PageSessionFilter.SESSION) PageSession session,
                                  @RequestParam MultiValueMap<String, String> request) {
        session.caller().require(Scope.READ);
        DashboardPeriod period = DashboardPeriod.of(request, LocalDate.now(clock.withZone(pages.zone(session))), opening);
        List<TeamRow> rows = performance.teams(session.caller(), period);
        return TablesCsv.of("teams-" + period.from() + "-" + period.to() + ".csv", TeamRow.CSV_HEADER,
                rows.stream().map(TeamRow::csv).toList());
    }

    private DashboardPeriod period(PageSession session, MultiValueMap<String, String> request, Model model, String path) {
        session.caller().require(Scope.READ); // as the API asks of its reports
        DashboardPeriod period = DashboardPeriod.of(request, LocalDate.now(clock.withZone(pages.zone(session))), opening);
        model.addAttribute("period", period);
        model.addAttribute("path", path);
        model.addAttribute("periodQuery", period.link("")); // links to an agent or a team keep the period
        model.addAttribute("exportCsv", period.link("/teams/export"));
        return period;
    }
}
