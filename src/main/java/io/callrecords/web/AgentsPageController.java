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
 * The agents: a table of every agent's figures for a period (answered, missed rings, answer rate, speed of answer,
 * handle time, callbacks made, outbound) with a chart beside it, a page per agent, and the table as CSV. An agent sees
 * their own row and page only; another agent's page is 404, as another agent's call is.
 */
@Controller
class AgentsPageController {

    private final Performance performance;
    private final PageModel pages;
    private final Clock clock;
    private final String opening;

    AgentsPageController(Performance performance, PageModel pages, Clock clock, CallrecordsProperties properties) {
        this.performance = performance;
        this.pages = pages;
        this.clock = clock;
        this.opening = DashboardPeriod.opening(properties);
    }

    @GetMapping("/agents")
    String agents(@RequestAttribute(PageSessionFilter.SESSION) PageSession session,
                  @RequestParam MultiValueMap<String, String> request, Model model, HttpServletResponse response) {
        DashboardPeriod period = period(session, request, model, "/agents");
        try {
            Performance.Listed<AgentRow> table = performance.agentsTable(session.caller(), period,
                    "all".equals(request.getFirst("idle")));
            model.addAttribute("agents", table.rows());
            model.addAttribute("idleNotListed", table.idleNotListed());
            model.addAttribute("listIdle", period.link("/agents") + "&idle=all");
        } catch (ValidationException e) {
            response.setStatus(422);
            model.addAttribute("errors", FormErrors.of(e, DashboardPeriod::fieldOf));
        }
        return "agents";
    }

    @GetMapping("/agents/{id}")
    String agent(@RequestAttribute(PageSessionFilter.SESSION) PageSession session, @PathVariable String id,
                 @RequestParam MultiValueMap<String, String> request, Model model, HttpServletResponse response) {
        long userId = PathIds.parse(id);
        Long own = session.caller().ownCallsOnly();
        if (own != null && own != userId) {
            throw ApiException.notFound();
        }
        DashboardPeriod period = period(session, request, model, "/agents/" + userId);
        try {
            List<AgentRow> rows = performance.agents(session.caller(), period, List.of(userId));
            if (rows.isEmpty()) {
                throw ApiException.notFound();
            }
            model.addAttribute("agent", rows.getFirst());
        } catch (ValidationException e) {
            response.setStatus(422);
            model.addAttribute("errors", FormErrors.of(e, DashboardPeriod::fieldOf));
            model.addAttribute("agent", null);
        }
        return "agent";
    }

    @GetMapping("/agents/export")
    ResponseEntity<String> export(@RequestAttribute(PageSessionFilter.SESSION) PageSession session,
                                  @RequestParam MultiValueMap<String, String> request) {
        session.caller().require(Scope.READ);
        DashboardPeriod period = DashboardPeriod.of(request, LocalDate.now(clock.withZone(pages.zone(session))), opening);
        List<AgentRow> rows = performance.agents(session.caller(), period, null);
        return TablesCsv.of("agents-" + period.from() + "-" + period.to() + ".csv", AgentRow.CSV_HEADER,
                rows.stream().map(AgentRow::csv).toList());
    }

    /** The period of the request (as the dashboard reads it), with its links for the page. */
    private DashboardPeriod period(PageSession session, MultiValueMap<String, String> request, Model model, String path) {
        session.caller().require(Scope.READ); // as the API asks of its reports
        DashboardPeriod period = DashboardPeriod.of(request, LocalDate.now(clock.withZone(pages.zone(session))), opening);
        model.addAttribute("period", period);
        model.addAttribute("path", path);
        model.addAttribute("periodQuery", period.link("")); // links to an agent or a team keep the period
        model.addAttribute("exportCsv", period.link("/agents/export"));
        return period;
    }
}
