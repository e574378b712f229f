package io.callrecords.web;

import io.callrecords.accounts.PageSession;
import io.callrecords.shared.PathIds;
import io.callrecords.shared.ValidationException;
import io.callrecords.webhooks.WebhookAdministration;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Changing a subscription's URL, events and description: the form shows them as they are and saves them as
 * {@code PATCH /api/v3/webhooks/{id}} would, through {@link WebhookAdministration}, so the rules and messages are the
 * API's; a refused form is shown again as typed with each message next to its field, and nothing is changed.
 */
@Controller
@RequestMapping("/settings/webhooks/{id}/edit")
class WebhookEditController {

    private final WebhookAdministration webhooks;
    private final PageModel pages;

    WebhookEditController(WebhookAdministration webhooks, PageModel pages) {
        this.webhooks = webhooks;
        this.pages = pages;
    }

    @GetMapping
    String form(@RequestAttribute(PageSessionFilter.SESSION) PageSession session, @PathVariable String id,
                Model model) {
        SubscriptionRow subscription = subscription(session, PathIds.parse(id));
        return page(session, subscription, WebhookForm.of(subscription), Map.of(), model);
    }

    @PostMapping
    String save(@RequestAttribute(PageSessionFilter.SESSION) PageSession session, @PathVariable String id,
                @RequestParam(required = false) String url, @RequestParam(required = false) List<String> events,
                @RequestParam(required = false) String description,
                @RequestParam(name = "hangup_waits_for_media", required = false) String hangupWaitsForMedia,
                @RequestParam(name = "media_wait_seconds", required = false) String mediaWaitSeconds,
                Model model, HttpServletResponse response) {
        long subscription = PathIds.parse(id);
        WebhookForm form = WebhookForm.of(url, events, description, hangupWaitsForMedia, mediaWaitSeconds);
        try {
            webhooks.update(session.caller(), subscription, form.changes());
            return "redirect:/settings/webhooks/" + subscription + "?done=edited";
        } catch (ValidationException e) {
            response.setStatus(422);
            return page(session, subscription(session, subscription), form, FormErrors.of(e, WebhookForm.FIELDS), model);
        }
    }

    private SubscriptionRow subscription(PageSession session, long id) {
        return SubscriptionRow.of(webhooks.get(session.caller(), id), pages.zone(session));
    }

    private String page(PageSession session, SubscriptionRow subscription, WebhookForm form,
                        Map<String, List<String>> errors, Model model) {
        model.addAttribute("subscription", subscription);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("eventTypes", webhooks.eventTypes());
        WebhookPermissions.addTo(model, session.caller());
        return "webhook-edit";
    }
}
