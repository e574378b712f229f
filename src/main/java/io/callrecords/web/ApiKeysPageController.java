package io.callrecords.web;

import io.callrecords.accounts.ApiKeyAdministration;
import io.callrecords.accounts.ApiKeyView;
import io.callrecords.accounts.PageSession;
import io.callrecords.accounts.Scope;
import io.callrecords.shared.ApiException;
import io.callrecords.shared.PathIds;
import io.callrecords.shared.ValidationException;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * API keys: the account's keys (never a secret), a form to create one whose answer shows the new secret once, and
 * revoking after a confirmation. The scopes are the API's: admin to see the keys, write and admin to create or revoke
 * one; a session without them is told so instead of seeing the keys or the form. Revoking the session's own key ends
 * the session at its next page.
 */
@Controller
@RequestMapping("/settings/api-keys")
class ApiKeysPageController {

    private final ApiKeyAdministration apiKeys;
    private final PageModel pages;
    private final Clock clock;

    ApiKeysPageController(ApiKeyAdministration apiKeys, PageModel pages, Clock clock) {
        this.apiKeys = apiKeys;
        this.pages = pages;
        this.clock = clock;
    }

    @GetMapping
    String list(@RequestAttribute(PageSessionFilter.SESSION) PageSession session,
                @RequestParam(required = false) String done, Model model, HttpServletResponse response) {
        model.addAttribute("done", "revoked".equals(done) ? "The key is revoked: it opens nothing any more." : null);
        return page(session, ApiKeyForm.empty(), model, response);
    }

    @PostMapping
    String create(@RequestAttribute(PageSessionFilter.SESSION) PageSession session,
                  @RequestParam(required = false) String name, @RequestParam(required = false) List<String> scopes,
                  @RequestParam(name = "expires_at", required = false) String expiresAt,
                  @RequestParam(name = "user_id", required = false) String userId, Model model,
                  HttpServletResponse response) {
        ApiKeyForm form = ApiKeyForm.of(name, scopes, expiresAt, userId);
        if (!mayChange(session)) {
            response.setStatus(403);
            return page(session, form, model, response);
        }
        try {
            ApiKeyView.New created = apiKeys.create(session.caller(), form.body(pages.zone(session)));
            model.addAttribute("shownOnce", new ShownOnce("The secret of the key “" + created.name() + "”",
                    created.secret()));
            return page(session, ApiKeyForm.empty(), model, response);
        } catch (ValidationException e) {
            response.setStatus(422);
            model.addAttribute("errors", FormErrors.of(e, ApiKeyForm.FIELDS));
            return page(session, form, model, response);
        }
    }

    @GetMapping("/{id}/revoke")
    String confirmRevoke(@RequestAttribute(PageSessionFilter.SESSION) PageSession session, @PathVariable String id,
                         Model model, HttpServletResponse response) {
        if (!mayChange(session)) {
            response.setStatus(403);
            return page(session, ApiKeyForm.empty(), model, response);
        }
        long keyId = PathIds.parse(id);
        ApiKeyRow key = rows(session).stream().filter(k -> k.id() == keyId).findFirst()
                .orElseThrow(ApiException::notFound);
        return Confirmation.page(model, "Revoke an API key",
                "Revoke the key “" + key.name() + "” (" + key.prefix() + "…)?",
                (key.thisSession() ? "This is the key you are signed in with: you will be signed out. " : "")
                        + "Every request and every page session with this key is refused from now on. This cannot be undone.",
                "/settings/api-keys/" + keyId + "/revoke", "Revoke key", "/settings/api-keys");
    }

    @PostMapping("/{id}/revoke")
    String revoke(@RequestAttribute(PageSessionFilter.SESSION) PageSession session, @PathVariable String id) {
        apiKeys.revoke(session.caller(), PathIds.parse(id));
        return "redirect:/settings/api-keys?done=revoked";
    }

    /** The keys for a session with the admin scope, the form for one that may also change them. */
    private String page(PageSession session, ApiKeyForm form, Model model, HttpServletResponse response) {
        boolean mayList = session.caller().scopes().contains(Scope.ADMIN);
        model.addAttribute("scopes", Scopes.of(session.caller()));
        model.addAttribute("mayList", mayList);
        model.addAttribute("mayChange", mayChange(session));
        model.addAttribute("form", form);
        model.addAttribute("scopeNames", apiKeys.scopeNames());
        if (!mayList) {
            response.setStatus(403);
        }
        model.addAttribute("keys", mayList ? rows(session) : List.of());
        return "api-keys";
    }

    private List<ApiKeyRow> rows(PageSession session) {
        ZoneId zone = pages.zone(session);
        return apiKeys.list(session.caller()).stream()
                .map(k -> ApiKeyRow.of(k, zone, session.caller().apiKeyId(), clock.instant())).toList();
    }

    /** What the API asks to create and revoke keys. */
    private static boolean mayChange(PageSession session) {
        return session.caller().scopes().contains(Scope.ADMIN) && session.caller().scopes().contains(Scope.WRITE);
    }
}
