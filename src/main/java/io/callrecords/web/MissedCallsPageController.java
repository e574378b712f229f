package io.callrecords.web;

import io.callrecords.accounts.PageSession;
import io.callrecords.accounts.Scope;
import io.callrecords.people.DirectoryNames;
import io.callrecords.people.EntryKind;
import io.callrecords.people.EntryNames;
import io.callrecords.reports.MissedCallsWorklist;
import io.callrecords.reports.WorklistLineView;
import io.callrecords.shared.ValidationException;
import jakarta.servlet.http.HttpServletResponse;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The missed-call worklist (reports.md): who called and was not served, one line per number, oldest unreturned
 * first, with the API's filters, paged by cursor. A line can be dismissed (reason, note) or the dismissal taken
 * back, as the session's API key; a plain form post comes back to the same view with what was done.
 */
@Controller
class MissedCallsPageController {

    static final int PAGE_SIZE = 50;
    private static final String READ_ONLY = "This API key can only read: dismissing a caller needs a key with the"
            + " write scope.";

    private final MissedCallsWorklist worklist;
    private final PageModel pages;
    private final DirectoryNames names;

    MissedCallsPageController(MissedCallsWorklist worklist, PageModel pages, DirectoryNames names) {
        this.worklist = worklist;
        this.pages = pages;
        this.names = names;
    }

    @GetMapping("/missed-calls")
    String list(@RequestAttribute(PageSessionFilter.SESSION) PageSession session,
                @RequestParam MultiValueMap<String, String> request, Model model, HttpServletResponse response) {
        MissedCallsFilters filters = MissedCallsFilters.of(request);
        String done = request.getFirst("done");
        String line = request.getFirst("line");
        if (line != null && done != null) {
            model.addAttribute("done", done);
            model.addAttribute("doneLine", line);
        }
        return show(session, filters, model, response);
    }

    @PostMapping("/missed-calls/dismiss")
    String dismiss(@RequestAttribute(PageSessionFilter.SESSION) PageSession session,
                   @RequestParam MultiValueMap<String, String> form, Model model, HttpServletResponse response) {
        MissedCallsFilters view = MissedCallsFilters.carried(form);
        if (!session.caller().scopes().contains(Scope.WRITE)) {
            return refused(session, view, model, response);
        }
        String number = form.getFirst("number");
        try {
            String dismissed = worklist.dismiss(session.caller(), number == null ? "" : number, form.getFirst("reason"),
                    form.getFirst("note"));
            return "redirect:" + view.back(Map.of("done", "dismissed", "line", dismissed));
        } catch (ValidationException e) {
            response.setStatus(422);
            model.addAttribute("dismissing", number);
            model.addAttribute("dismissReason", form.getFirst("reason"));
            model.addAttribute("dismissNote", form.getFirst("note"));
            model.addAttribute("dismissErrors", e.errors());
            return show(session, view, model, response);
        }
    }

    @PostMapping("/missed-calls/undismiss")
    String undismiss(@RequestAttribute(PageSessionFilter.SESSION) PageSession session,
                     @RequestParam MultiValueMap<String, String> form, Model model, HttpServletResponse response) {
        MissedCallsFilters view = MissedCallsFilters.carried(form);
        if (!session.caller().scopes().contains(Scope.WRITE)) {
            return refused(session, view, model, response);
        }
        String number = form.getFirst("number");
        boolean ended = worklist.undismiss(session.caller(), number == null ? "" : number);
        return "redirect:" + view.back(Map.of("done", ended ? "undismissed" : "not-dismissed", "line", number));
    }

    /** The view again, with the reason nothing was changed. */
    private String refused(PageSession session, MissedCallsFilters view, Model model, HttpServletResponse response) {
        model.addAttribute("problem", READ_ONLY);
        String page = show(session, view, model, response);
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        return page;
    }

    private String show(PageSession session, MissedCallsFilters filters, Model model, HttpServletResponse response) {
        ZoneId zone = pages.zone(session);
        boolean canWrite = session.caller().scopes().contains(Scope.WRITE);
        model.addAttribute("filters", filters);
        model.addAttribute("lines", List.of());
        model.addAttribute("canWrite", canWrite);
        model.addAttribute("readOnly", canWrite ? null : READ_ONLY);
        model.addAttribute("dismissalReasons", MissedCallLine.DISMISSAL_REASONS);
        model.addAttribute("missedReasons", MissedCallLine.MISSED_REASONS);
        model.addAttribute("statuses", MissedCallsFilters.STATUSES);
        Map<String, List<String>> problems = filters.problems();
        if (!problems.isEmpty()) {
            response.setStatus(422);
            model.addAttribute("errors", problems);
            return "missed-calls";
        }
        try {
            MissedCallsWorklist.Page page = worklist.page(session.caller(), filters.api(PAGE_SIZE));
            EntryNames people = names.of(session.caller().accountId(), new EntryNames.Wanted().addAll(EntryKind.USER,
                    page.lines().stream().map(WorklistLineView::dismissal).filter(Objects::nonNull)
                            .map(WorklistLineView.Dismissal::dismissedByUserId).filter(Objects::nonNull).toList()));
            model.addAttribute("lines", page.lines().stream().map(l -> MissedCallLine.of(l, zone, people)).toList());
            model.addAttribute("count", page.count());
            model.addAttribute("from", MissedCallLine.MINUTE.format(page.from().atZone(zone)));
            model.addAttribute("to", MissedCallLine.MINUTE.format(page.to().atZone(zone)));
            model.addAttribute("next", page.nextCursor() == null ? null
                    : filters.link(Map.of("cursor", page.nextCursor())));
            model.addAttribute("first", filters.get("cursor").isEmpty() ? null : filters.link(Map.of()));
        } catch (ValidationException e) {
            response.setStatus(422);
            model.addAttribute("errors", FormErrors.of(e, MissedCallsFilters::fieldOf));
        }
        return "missed-calls";
    }
}
