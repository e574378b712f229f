package io.callrecords.web;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import io.callrecords.accounts.AccountSettingsService;
import io.callrecords.accounts.PageSession;
import io.callrecords.accounts.Scope;
import io.callrecords.accounts.SettingsTimeline;
import io.callrecords.accounts.SettingsVersion;
import io.callrecords.shared.ValidationException;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The account's settings: one form for everything {@code PATCH /api/v3/account/settings} takes. A post becomes that
 * same document and goes through the same service, so the rules and messages are the API's; a rejected post is
 * shown again as typed with each message next to its input, and nothing is saved. Changing needs the admin scope,
 * as in the API; without it the page is read-only.
 */
@Controller
class SettingsPageController {

    private static final List<String> ZONES = ZoneId.getAvailableZoneIds().stream().sorted().toList();
    private static final List<Region> REGIONS = PhoneNumberUtil.getInstance().getSupportedRegions().stream()
            .map(code -> new Region(code, Locale.of("", code).getDisplayCountry(Locale.ENGLISH)))
            .sorted(Comparator.comparing(Region::name)).toList();
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** A country the numbering plans know, for the default region. */
    public record Region(String code, String name) {}

    /** A settings version as the page shows it; times in the account's zone. */
    public record VersionView(int number, String effectiveFrom, String savedAt) {}

    private final AccountSettingsService settings;
    private final PageModel pages;

    SettingsPageController(AccountSettingsService settings, PageModel pages) {
        this.settings = settings;
        this.pages = pages;
    }

    @GetMapping("/settings")
    String show(@RequestAttribute(PageSessionFilter.SESSION) PageSession session,
                @RequestParam(required = false) Integer saved, @RequestParam(required = false) String unchanged,
                Model model) {
        model.addAttribute("saved", saved);
        model.addAttribute("unchanged", unchanged != null);
        return render(session, SettingsForm.of(newest(session).settings()), Map.of(), model);
    }

    @PostMapping("/settings")
    String save(@RequestAttribute(PageSessionFilter.SESSION) PageSession session,
                @RequestParam MultiValueMap<String, String> request, Model model, HttpServletResponse response) {
        session.caller().require(Scope.ADMIN);
        long account = session.caller().accountId();
        ZoneId zone = pages.zone(session);
        SettingsForm form = SettingsForm.of(request);
        SettingsPatch patch = form.patch(zone);
        Map<String, List<String>> errors = patch.problems();
        if (errors.isEmpty()) {
            if (patch.body().equals(SettingsForm.of(newest(session).settings()).patch(zone).body())) {
                return "redirect:/settings?unchanged";
            }
            try {
                return "redirect:/settings?saved=" + settings.change(session.caller(), patch.body()).version();
            } catch (ValidationException e) {
                errors = patch.explain(e, form.errorKeys());
            }
        }
        response.setStatus(422);
        return render(session, form, errors, model);
    }

    private String render(PageSession session, SettingsForm form, Map<String, List<String>> errors, Model model) {
        long account = session.caller().accountId();
        ZoneId zone = pages.zone(session);
        SettingsVersion newest = newest(session);
        SettingsVersion inForce = settings.current(account);
        model.addAttribute("form", form.forDisplay());
        model.addAttribute("errors", errors);
        model.addAttribute("canChange", session.caller().scopes().contains(Scope.ADMIN));
        model.addAttribute("newest", view(newest, zone));
        model.addAttribute("inForce", inForce.version() == newest.version() ? null : view(inForce, zone));
        model.addAttribute("zones", ZONES);
        model.addAttribute("regions", REGIONS);
        return "settings";
    }

    /** The newest version written: what a change builds on, even while it has not taken effect yet. */
    private SettingsVersion newest(PageSession session) {
        SettingsTimeline timeline = settings.timeline(session.caller().accountId());
        return timeline.versions().getFirst();
    }

    private static VersionView view(SettingsVersion version, ZoneId zone) {
        return new VersionView(version.version(), at(version.effectiveFrom(), zone), at(version.createdAt(), zone));
    }

    private static String at(Instant instant, ZoneId zone) {
        return instant == null ? "" : WHEN.format(instant.atZone(zone));
    }
}
