package io.callrecords.web;

import io.callrecords.accounts.ApiKeyAdministration;
import io.callrecords.accounts.ApiKeyView;
import io.callrecords.accounts.PageSession;
import io.callrecords.accounts.Scope;
import io.callrecords.shared.CallrecordsProperties;
import io.callrecords.sources.SourceActivity;
import io.callrecords.sources.SourceCall;
import io.callrecords.sources.SourceDocument;
import io.callrecords.sources.SourceKind;
import io.callrecords.sources.freeswitch.FreeswitchSnippets;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Settings → Sources → FreeSWITCH: the snippet to paste into FreeSWITCH (FusionPBX), filled with this account's URL
 * and — once asked for — a new key of the write scope alone, shown that once; then the last legs received and the
 * calls they made, with what was wrong in words. Administrators only, like the other settings pages.
 */
@Controller
@RequestMapping("/settings/sources/freeswitch")
class FreeswitchSourcePageController {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** A leg as the page lists it. */
    record DocumentRow(String received, String leg, String call, String form) {}

    /** A call as the page lists it: where its translation stands, in words. */
    record CallRow(String callUuid, int documents, String state, int events, String problem, boolean failed) {}

    private final SourceActivity activity;
    private final ApiKeyAdministration apiKeys;
    private final CallrecordsProperties properties;
    private final PageModel pages;

    FreeswitchSourcePageController(SourceActivity activity, ApiKeyAdministration apiKeys,
                                   CallrecordsProperties properties, PageModel pages) {
        this.activity = activity;
        this.apiKeys = apiKeys;
        this.properties = properties;
        this.pages = pages;
    }

    @GetMapping
    String show(@RequestAttribute(PageSessionFilter.SESSION) PageSession session, Model model,
                HttpServletResponse response) {
        return page(session, FreeswitchSnippets.KEY_PLACEHOLDER, model, response);
    }

    /** Makes a key of the write scope alone for FreeSWITCH and shows the snippet with it, once. */
    @PostMapping("/key")
    String makeKey(@RequestAttribute(PageSessionFilter.SESSION) PageSession session, Model model,
                   HttpServletResponse response) {
        if (!mayMakeKey(session)) {
            response.setStatus(403);
            return page(session, FreeswitchSnippets.KEY_PLACEHOLDER, model, response);
        }
        ApiKeyView.New key = apiKeys.create(session.caller(), Map.of("name", "FreeSWITCH CDRs", "scopes", List.of("write")));
        model.addAttribute("shownOnce", new ShownOnce("The key “" + key.name() + "” (in the snippets below)",
                key.secret()));
        return page(session, key.secret(), model, response);
    }

    private String page(PageSession session, String key, Model model, HttpServletResponse response) {
        boolean admin = session.caller().scopes().contains(Scope.ADMIN);
        model.addAttribute("admin", admin);
        model.addAttribute("scopes", Scopes.of(session.caller()));
        model.addAttribute("mayMakeKey", mayMakeKey(session));
        if (!admin) {
            response.setStatus(403);
            return "source-freeswitch";
        }
        String url = FreeswitchSnippets.endpointUrl(properties);
        model.addAttribute("endpointUrl", url);
        model.addAttribute("jsonCdr", FreeswitchSnippets.jsonCdr(url, key));
        model.addAttribute("xmlCdr", FreeswitchSnippets.xmlCdr(url, key));
        ZoneId zone = pages.zone(session);
        long account = session.caller().accountId();
        model.addAttribute("documents", activity.recentDocuments(account, SourceKind.FREESWITCH, 20).stream()
                .map(d -> documentRow(d, zone)).toList());
        model.addAttribute("calls", activity.recentCalls(account, SourceKind.FREESWITCH, 20).stream()
                .map(FreeswitchSourcePageController::callRow).toList());
        return "source-freeswitch";
    }

    private static DocumentRow documentRow(SourceDocument d, ZoneId zone) {
        return new DocumentRow(shown(d.receivedAt(), zone), d.docKey(),
                d.callKey() == null ? "none: the leg names no uuid" : d.callKey(),
                d.contentType().endsWith("xml") ? "XML" : "JSON");
    }

    private static CallRow callRow(SourceCall c) {
        String state = c.failed() ? "could not be translated"
                : c.pending() ? "waiting to be translated"
                : c.events() == 0 ? "waiting for the caller's leg (A-leg)"
                : c.finished() ? "ended" : "in progress";
        return new CallRow(c.callUuid().toString(), c.documents(), state, c.events(), c.problem(), c.failed());
    }

    private static String shown(Instant at, ZoneId zone) {
        return at == null ? "" : SHOWN.format(at.atZone(zone));
    }

    /** Making a key asks what the API asks: admin and write. */
    private static boolean mayMakeKey(PageSession session) {
        return session.caller().scopes().contains(Scope.ADMIN) && session.caller().scopes().contains(Scope.WRITE);
    }
}
