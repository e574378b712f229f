package io.callrecords.web;

import io.callrecords.accounts.PageSession;
import io.callrecords.accounts.Scope;
import io.callrecords.reports.SummaryReports;
import io.callrecords.reports.SummaryView;
import io.callrecords.shared.CallrecordsProperties;
import io.callrecords.shared.ValidationException;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dashboard: the summary report of a period (today, this week, this month or chosen dates) as tiles, charts and
 * a weekday × hour heat map, with the same numbers as tables. The page polls {@code /dashboard/tiles} (htmx), which
 * answers the tiles and, out of band, the charts' numbers, so that new calls show without reloading.
 */
@Controller
class DashboardController {

    private final SummaryReports reports;
    private final PageModel pages;
    private final Clock clock;
    private final JsonMapper json;
    private final String opening;

    DashboardController(SummaryReports reports, PageModel pages, Clock clock, JsonMapper json,
                        CallrecordsProperties properties) {
        this.reports = reports;
        this.pages = pages;
        this.clock = clock;
        this.json = json;
        // The demo's traffic is the week before it started: it opens on that week whatever the day and the hour
        // (today, started on a Monday morning, held a few night calls). A service opens on today.
        this.opening = DashboardPeriod.opening(properties);
    }

    @GetMapping("/dashboard")
    String dashboard(@RequestAttribute(PageSessionFilter.SESSION) PageSession session,
                     @RequestParam MultiValueMap<String, String> request, Model model, HttpServletResponse response) {
        if (!report(session, request, model)) {
            response.setStatus(422);
        }
        return "dashboard";
    }

    /** The live part: the tiles, and the charts' data and tables swapped out of band. */
    @GetMapping("/dashboard/tiles")
    String tiles(@RequestAttribute(PageSessionFilter.SESSION) PageSession session,
                 @RequestParam MultiValueMap<String, String> request, Model model, HttpServletResponse response) {
        if (!report(session, request, model)) {
            response.setStatus(422); // htmx keeps what it shows
        }
        model.addAttribute("oob", true);
        return "dashboard-live";
    }

    /** Fills the model with the period and its report; false, with the API's messages by field, when it is bad. */
    private boolean report(PageSession session, MultiValueMap<String, String> request, Model model) {
        session.caller().require(Scope.READ); // as the API asks of its reports
        ZoneId zone = pages.zone(session);
        DashboardPeriod period = DashboardPeriod.of(request, LocalDate.now(clock.withZone(zone)), opening);
        model.addAttribute("period", period);
        model.addAttribute("liveUrl", period.link("/dashboard/tiles"));
        Map<String, List<String>> problems = period.problems();
        if (!problems.isEmpty()) {
            model.addAttribute("errors", problems);
            return false;
        }
        try {
            SummaryView byTime = reports.summary(session.caller(), period.api(period.oneDay() ? "hour" : "day"));
            SummaryView heatMap = reports.summary(session.caller(), period.api("weekday_hour"));
            DashboardView view = DashboardView.of(byTime, heatMap, period.oneDay());
            model.addAttribute("view", view);
            model.addAttribute("chartJson", json.writeValueAsString(view.chart()));
            return true;
        } catch (ValidationException e) {
            model.addAttribute("errors", FormErrors.of(e, DashboardPeriod::fieldOf));
            return false;
        }
    }
}
