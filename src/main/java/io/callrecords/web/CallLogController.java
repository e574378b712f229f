package io.callrecords.web;

import io.callrecords.accounts.PageSession;
import io.callrecords.calls.CallExportDownload;
import io.callrecords.calls.CallRecords;
import io.callrecords.people.DirectoryNames;
import io.callrecords.people.EntryNames;
import io.callrecords.people.Rosters;
import io.callrecords.accounts.Scope;
import io.callrecords.shared.ValidationException;
import jakarta.servlet.http.HttpServletResponse;
import io.callrecords.calls.Dispositions;
import io.callrecords.calls.Tags;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The call log: the account's calls, newest first, with the list API's filters in people's words, paged by cursor
 * (fast at any depth; no total count, which would cost more than the page), and the export of the same filters.
 */
@Controller
class CallLogController {

    static final int PAGE_SIZE = 50;
    static final int USER_CHOICES = 20;

    private final CallRecords records;
    private final CallExportDownload export;
    private final PageModel pages;
    private final DirectoryNames directoryNames;
    private final Tags tags;
    private final Dispositions dispositions;
    private final Rosters rosters;

    CallLogController(CallRecords records, CallExportDownload export, PageModel pages, DirectoryNames directoryNames,
                      Tags tags, Dispositions dispositions, Rosters rosters) {
        this.rosters = rosters;
        this.records = records;
        this.export = export;
        this.pages = pages;
        this.directoryNames = directoryNames;
        this.tags = tags;
        this.dispositions = dispositions;
    }

    @GetMapping("/calls")
    String log(@RequestAttribute(PageSessionFilter.SESSION) PageSession session,
               @RequestParam MultiValueMap<String, String> request, Model model, HttpServletResponse response) {
        ZoneId zone = pages.zone(session);
        CallLogFilters filters = CallLogFilters.of(request);
        model.addAttribute("filters", filters);
        model.addAttribute("rows", List.of());
        long account = session.caller().accountId();
        Map<String, String> tagChoices = new LinkedHashMap<>();
        tags.all(account).forEach(t -> tagChoices.put(Long.toString(t.id()), t.name()));
        Map<String, String> dispositionChoices = new LinkedHashMap<>();
        dispositions.all(account).forEach(d -> dispositionChoices.put(d.code(), d.name()));
        model.addAttribute("tags", tagChoices);
        model.addAttribute("dispositions", dispositionChoices);
        Map<String, List<String>> problems = filters.problems(tagChoices, dispositionChoices);
        if (!problems.isEmpty()) {
            response.setStatus(422);
            model.addAttribute("errors", problems);
            return "calls";
        }
        MultiValueMap<String, String> api = filters.api(zone);
        String cursor = request.getFirst("cursor");
        if (cursor != null && !cursor.isBlank()) {
            api.add("cursor", cursor);
        }
        api.add("limit", Integer.toString(PAGE_SIZE));
        try {
            CallRecords.LogPage page = records.logPage(session.caller(), api);
            // one lookup for every name of the page
            EntryNames names = directoryNames.of(session.caller().accountId(), CallNames.wanted(page.records()));
            model.addAttribute("rows", page.records().stream().map(r -> CallRow.of(r, zone, names)).toList());
            model.addAttribute("next", page.nextCursor() == null ? null
                    : filters.link("/calls", Map.of("cursor", page.nextCursor())));
            model.addAttribute("first", cursor == null || cursor.isBlank() ? null : filters.link("/calls", Map.of()));
            model.addAttribute("exportCsv", filters.link("/calls/export", Map.of("format", "csv")));
            model.addAttribute("exportRecords", filters.link("/calls/export", Map.of("format", "csv", "layout", "records")));
            model.addAttribute("exportNdjson", filters.link("/calls/export", Map.of("format", "ndjson")));
        } catch (ValidationException e) {
            response.setStatus(422);
            model.addAttribute("errors", FormErrors.byMessage(e, CallLogFilters::fieldOf));
        }
        return "calls";
    }

    /**
     * The users whose name holds {@code user} (or whose id starts with it), for the user filter's choices: the first
     * {@link #USER_CHOICES} by name. A directory may hold 10,000 users, too many to send with every call log page. An
     * agent, who sees their own calls only (ADR 0022), is offered themself.
     */
    @GetMapping("/calls/user-choices")
    String userChoices(@RequestAttribute(PageSessionFilter.SESSION) PageSession session,
                       @RequestParam(required = false) String user, Model model) {
        session.caller().require(Scope.READ);
        String typed = user == null ? "" : user.strip().toLowerCase(Locale.ROOT);
        Long own = session.caller().ownCallsOnly();
        Map<String, String> choices = new LinkedHashMap<>();
        rosters.users(session.caller().accountId()).entrySet().stream()
                .filter(u -> own == null || own.equals(u.getKey()))
                .filter(u -> u.getValue().toLowerCase(Locale.ROOT).contains(typed)
                        || Long.toString(u.getKey()).startsWith(typed))
                .sorted(Map.Entry.<Long, String>comparingByValue(String.CASE_INSENSITIVE_ORDER)
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(USER_CHOICES)
                .forEach(u -> choices.put(Long.toString(u.getKey()), u.getValue()));
        model.addAttribute("userChoices", choices);
        return "calls :: userChoices";
    }

    @GetMapping("/calls/export")
    void export(@RequestAttribute(PageSessionFilter.SESSION) PageSession session,
                @RequestParam MultiValueMap<String, String> request, HttpServletResponse response) {
        MultiValueMap<String, String> api = CallLogFilters.of(request).api(pages.zone(session));
        boolean ndjson = "ndjson".equals(request.getFirst("format"));
        api.add("format", ndjson ? "ndjson" : "csv");
        if (!ndjson) {
            // for people: the spreadsheet layout, unless the API's record layout (every field, call_flow JSON) is asked
            api.add("layout", "records".equals(request.getFirst("layout")) ? "records" : "spreadsheet");
        }
        export.write(session.caller(), api, response);
    }
}
