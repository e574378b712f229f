package io.callrecords.web;

import io.callrecords.sources.SourceEndpoints;
import io.callrecords.accounts.PageSession;
import io.callrecords.accounts.Scope;
import io.callrecords.shared.CallrecordsProperties;
import io.callrecords.shared.ValidationException;
import io.callrecords.sources.hipcall.HipcallSettings;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Settings → Sources → Hipcall: the webhook URL to paste into Hipcall (rotatable), Hipcall's address and API key (the
 * key is never shown again), the last webhooks and polls, and what could not be mirrored, in words. The rules and
 * messages are the API's ({@code PUT /api/v3/sources/hipcall}); like the other settings pages, admin only.
 */
@Controller
@RequestMapping("/settings/sources/hipcall")
class HipcallPageController {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final Set<String> FIELDS = Set.of("api_base_url", "api_key");

    /** A line of the page's tables, its time in the account's zone. */
    public record Line(String when, String what, String detail) {}

    private final HipcallSettings hipcall;
    private final PageModel pages;
    private final CallrecordsProperties properties;

    HipcallPageController(HipcallSettings hipcall, PageModel pages, CallrecordsProperties properties) {
        this.hipcall = hipcall;
        this.pages = pages;
        this.properties = properties;
    }

    @GetMapping
    String show(@RequestAttribute(PageSessionFilter.SESSION) PageSession session,
                @RequestParam(required = false) String done, Model model, HttpServletRequest request,
                HttpServletResponse response) {
        model.addAttribute("done", switch (done == null ? "" : done) {
            case "saved" -> "Saved.";
            case "rotated" -> "The webhook URL is new: paste it into Hipcall's webhook integration now; the old one"
                    + " no longer works.";
            case "stopped" -> "The mirror is stopped: the webhook URL no longer works and Hipcall is not polled. The"
                    + " mirrored calls stay.";
            default -> null;
        });
        return page(session, null, Map.of(), model, request, response);
    }

    @PostMapping
    String save(@RequestAttribute(PageSessionFilter.SESSION) PageSession session,
                @RequestParam(name = "api_base_url", defaultValue = "") String base,
                @RequestParam(name = "api_key", defaultValue = "") String key, Model model,
                HttpServletRequest request, HttpServletResponse response) {
        session.caller().require(Scope.ADMIN);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("api_base_url", base);
        if (!key.isBlank()) {
            body.put("api_key", key); // an empty field keeps the key kept
        }
        try {
            hipcall.configure(session.caller().accountId(), body);
            return "redirect:/settings/sources/hipcall?done=saved";
        } catch (ValidationException e) {
            response.setStatus(422);
            return page(session, base, FormErrors.of(e, FIELDS), model, request, response);
        }
    }

    @PostMapping("/rotate")
    String rotate(@RequestAttribute(PageSessionFilter.SESSION) PageSession session) {
        session.caller().require(Scope.ADMIN);
        hipcall.rotate(session.caller().accountId());
        return "redirect:/settings/sources/hipcall?done=rotated";
    }

    @PostMapping("/stop")
    String stop(@RequestAttribute(PageSessionFilter.SESSION) PageSession session) {
        session.caller().require(Scope.ADMIN);
        hipcall.stop(session.caller().accountId());
        return "redirect:/settings/sources/hipcall?done=stopped";
    }

    private String page(PageSession session, String typedBase, Map<String, List<String>> errors, Model model,
                        HttpServletRequest request, HttpServletResponse response) {
        boolean admin = session.caller().scopes().contains(Scope.ADMIN);
        model.addAttribute("admin", admin);
        model.addAttribute("scopes", Scopes.of(session.caller()));
        model.addAttribute("errors", errors);
        if (!admin) {
            response.setStatus(403);
            model.addAttribute("status", null);
            return "hipcall";
        }
        ZoneId zone = pages.zone(session);
        Optional<HipcallSettings.Status> status = hipcall.status(session.caller().accountId());
        model.addAttribute("status", status.orElse(null));
        model.addAttribute("webhookUrl", status.map(s -> base(request) + s.webhookPath()).orElse(null));
        model.addAttribute("apiBaseUrl", typedBase != null ? typedBase
                : status.map(HipcallSettings.Status::apiBaseUrl).orElse("https://use.hipcall.com.tr"));
        model.addAttribute("webhooks", status.map(s -> s.documents().stream()
                .map(d -> new Line(when(d.receivedAt(), zone), "api".equals(d.event()) ? "poll" : d.event(),
                        d.callUuid() == null ? "" : d.callUuid())).toList()).orElse(List.of()));
        model.addAttribute("polls", status.map(s -> s.polls().stream()
                .map(p -> new Line(when(p.startedAt(), zone), p.error() == null ? "read " + p.records() + " calls in "
                        + p.requests() + " requests, " + p.changed() + " changed" : "failed",
                        p.error() == null ? "" : p.error())).toList()).orElse(List.of()));
        model.addAttribute("problems", status.map(s -> s.problems().stream()
                .map(p -> new Line(when(p.at(), zone), p.callUuid() == null ? "" : p.callUuid(), p.problem()))
                .toList()).orElse(List.of()));
        return "hipcall";
    }

    private String base(HttpServletRequest request) {
        return SourceEndpoints.base(properties);
    }

    private static String when(Instant at, ZoneId zone) {
        return at == null ? "" : WHEN.format(at.atZone(zone));
    }
}
