package io.callrecords.web;

import io.callrecords.accounts.ApiKeyAdministration;
import io.callrecords.accounts.ApiKeyView;
import io.callrecords.accounts.PageSession;
import io.callrecords.accounts.Scope;
import io.callrecords.sources.SourceActivity;
import io.callrecords.sources.SourceCall;
import io.callrecords.sources.SourceDocument;
import io.callrecords.sources.SourceKind;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import io.callrecords.shared.CallrecordsProperties;
import io.callrecords.sources.SourceEndpoints;

/**
 * Settings → Sources → Asterisk: what to paste into the PBX (cel.conf, manager.conf, cel_custom.conf and FreePBX's
 * *_custom.conf files), the agent's command line with this service's URL and a dedicated write key made here and
 * shown once, and the last documents received with the calls they made and their problems in words.
 */
@Controller
@RequestMapping("/settings/sources/asterisk")
class AsteriskSourcePageController {

    /** A document as the page lists it. */
    record DocumentRow(String received, String kind, String callKey, String key) {}

    /** A call as the page lists it. */
    record CallRow(String callKey, String uuid, String lastDocument, int documents, String state, String problem) {}

    private final SourceActivity activity;
    private final ApiKeyAdministration apiKeys;
    private final PageModel pages;
    private final CallrecordsProperties properties;

    AsteriskSourcePageController(SourceActivity activity, ApiKeyAdministration apiKeys, PageModel pages,
                                 CallrecordsProperties properties) {
        this.activity = activity;
        this.apiKeys = apiKeys;
        this.pages = pages;
        this.properties = properties;
    }

    @GetMapping
    String show(@RequestAttribute(PageSessionFilter.SESSION) PageSession session, HttpServletRequest request,
                Model model) {
        return page(session, request, model, "KEY");
    }

    @PostMapping("/key")
    String createKey(@RequestAttribute(PageSessionFilter.SESSION) PageSession session, HttpServletRequest request,
                     Model model, HttpServletResponse response) {
        if (!session.caller().scopes().contains(Scope.WRITE)) {
            response.setStatus(403);
            model.addAttribute("keyRefused", "Creating a key needs a session with the write and admin scopes.");
            return page(session, request, model, "KEY");
        }
        ApiKeyView.New created = apiKeys.create(session.caller(),
                Map.of("name", "Asterisk agent", "scopes", List.of("write")));
        model.addAttribute("shownOnce", new ShownOnce("The secret of the key “Asterisk agent”", created.secret()));
        return page(session, request, model, created.secret());
    }

    private String page(PageSession session, HttpServletRequest request, Model model, String key) {
        if (!session.caller().scopes().contains(Scope.ADMIN)) {
            // As GET /api/v3/sources/asterisk: a source's set-up is the administrator's.
            throw new io.callrecords.shared.ApiException(org.springframework.http.HttpStatus.FORBIDDEN,
                    "The Asterisk settings need a key with the admin scope.");
        }
        long account = session.caller().accountId();
        ZoneId zone = pages.zone(session);
        String base = SourceEndpoints.base(properties);
        model.addAttribute("serviceUrl", base);
        model.addAttribute("celUrl", base + "/api/v3/sources/asterisk/cel");
        model.addAttribute("command", "./callrecords connect asterisk --ami 127.0.0.1:5038 --ami-user callrecords"
                + " --ami-secret AMI-SECRET --url " + base + " --api-key " + key
                + " --queue-log /var/log/asterisk/queue_log --cel-csv /var/log/asterisk/cel-custom/Master.csv");
        List<SourceDocument> documents = activity.recentDocuments(account, SourceKind.ASTERISK, 20);
        model.addAttribute("documents", documents.stream().map(d -> new DocumentRow(
                shown(d.receivedAt(), zone), d.contentType().contains("queue") ? "queue_log" : "CEL",
                d.callKey(), d.docKey())).toList());
        List<SourceCall> calls = activity.recentCalls(account, SourceKind.ASTERISK, 20);
        model.addAttribute("calls", calls.stream().map(c -> new CallRow(c.callKey(), c.callUuid().toString(),
                shown(c.lastDocumentAt(), zone), c.documents(),
                c.failed() ? "could not be translated" : c.pending() ? "waiting to be translated"
                        : c.finished() ? (c.events() == 0 ? "ended, no events" : "finished")
                        : "in progress (waiting for every LINKEDID_END)",
                c.problem())).toList());
        return "settings-source-asterisk";
    }

    private static final java.time.format.DateTimeFormatter SHOWN =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private static String shown(java.time.Instant at, ZoneId zone) {
        return at == null ? "" : SHOWN.format(at.atZone(zone));
    }
}
