package io.callrecords.web;

import io.callrecords.accounts.Caller;
import io.callrecords.accounts.PageSession;
import io.callrecords.accounts.Scope;
import io.callrecords.shared.ApiException;
import io.callrecords.shared.PathIds;
import io.callrecords.shared.ValidationException;
import io.callrecords.webhooks.WebhookAdministration;
import jakarta.servlet.http.HttpServletResponse;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Webhooks: the account's subscriptions and a form to add one; a subscription's page with pause, resume, rotate
 * secret, delete (after a confirmation) and its delivery log, each delivery resendable and readable with every
 * attempt. Everything goes through {@link WebhookAdministration}, with the API's scopes and messages. A secret is
 * shown in the answer of the form that made it only.
 */
@Controller
@RequestMapping("/settings/webhooks")
class WebhooksPageController {

    static final int DELIVERIES_PER_PAGE = 25;
    private static final Set<String> STATUSES = Set.of("pending", "succeeded", "failed");
    /** What a redirect after an action says it did (the page never repeats text from the address). */
    private static final Map<String, String> DONE = Map.of(
            "paused", "Paused. Deliveries are queued until you resume it.",
            "resumed", "Resumed. Queued deliveries go out now, in order.",
            "resent", "The delivery is queued to be sent again, with the same webhook-id.",
            "deleted", "The subscription and its delivery log are deleted.");

    private final WebhookAdministration webhooks;
    private final PageModel pages;

    WebhooksPageController(WebhookAdministration webhooks, PageModel pages) {
        this.webhooks = webhooks;
        this.pages = pages;
    }

    @GetMapping
    String list(@RequestAttribute(PageSessionFilter.SESSION) PageSession session,
                @RequestParam(required = false) String done, Model model) {
        model.addAttribute("done", done == null ? null : DONE.get(done));
        return listPage(session, WebhookForm.empty(), model);
    }

    @PostMapping
    String create(@RequestAttribute(PageSessionFilter.SESSION) PageSession session,
                  @RequestParam(required = false) String url, @RequestParam(required = false) List<String> events,
                  @RequestParam(required = false) String description, Model model, HttpServletResponse response) {
        WebhookForm form = WebhookForm.of(url, events, description);
        try {
            Map<String, Object> created = webhooks.create(session.caller(), form.body());
            model.addAttribute("shownOnce", new ShownOnce("The signing secret of " + created.get("url"),
                    (String) created.get("secret")));
            return listPage(session, WebhookForm.empty(), model);
        } catch (ValidationException e) {
            response.setStatus(422);
            model.addAttribute("errors", FormErrors.of(e, WebhookForm.FIELDS));
        } catch (ApiException e) {
            if (e.status() != HttpStatus.CONFLICT) {
                throw e;
            }
            response.setStatus(409);
            model.addAttribute("errors", FormErrors.general(e.getMessage()));
        }
        return listPage(session, form, model);
    }

    @GetMapping("/{id}")
    String subscription(@RequestAttribute(PageSessionFilter.SESSION) PageSession session, @PathVariable String id,
                        @RequestParam(required = false) String status, @RequestParam(required = false) String offset,
                        @RequestParam(required = false) String done, Model model) {
        model.addAttribute("done", done == null ? null : DONE.get(done));
        return subscriptionPage(session, PathIds.parse(id), status, offset, model);
    }

    @PostMapping("/{id}/pause")
    String pause(@RequestAttribute(PageSessionFilter.SESSION) PageSession session, @PathVariable String id) {
        long subscription = PathIds.parse(id);
        webhooks.pause(session.caller(), subscription);
        return "redirect:/settings/webhooks/" + subscription + "?done=paused";
    }

    @PostMapping("/{id}/resume")
    String resume(@RequestAttribute(PageSessionFilter.SESSION) PageSession session, @PathVariable String id) {
        long subscription = PathIds.parse(id);
        webhooks.resume(session.caller(), subscription);
        return "redirect:/settings/webhooks/" + subscription + "?done=resumed";
    }

    /** The new secret is in this answer only; the old one keeps signing beside it for a while. */
    @PostMapping("/{id}/rotate-secret")
    String rotate(@RequestAttribute(PageSessionFilter.SESSION) PageSession session, @PathVariable String id,
                  Model model) {
        long subscription = PathIds.parse(id);
        Map<String, Object> rotated = webhooks.rotateSecret(session.caller(), subscription);
        model.addAttribute("shownOnce", new ShownOnce("The new signing secret", (String) rotated.get("secret")));
        return subscriptionPage(session, subscription, null, null, model);
    }

    @GetMapping("/{id}/delete")
    String confirmDelete(@RequestAttribute(PageSessionFilter.SESSION) PageSession session, @PathVariable String id,
                        Model model) {
        long subscription = PathIds.parse(id);
        Map<String, Object> s = webhooks.get(session.caller(), subscription);
        return Confirmation.page(model, "Delete a webhook subscription",
                "Delete the subscription to " + s.get("url") + "?",
                "Its delivery log goes with it, and deliveries still waiting are not sent. This cannot be undone.",
                "/settings/webhooks/" + subscription + "/delete", "Delete subscription",
                "/settings/webhooks/" + subscription);
    }

    @PostMapping("/{id}/delete")
    String delete(@RequestAttribute(PageSessionFilter.SESSION) PageSession session, @PathVariable String id) {
        webhooks.delete(session.caller(), PathIds.parse(id));
        return "redirect:/settings/webhooks?done=deleted";
    }

    @GetMapping("/{id}/deliveries/{deliveryId}")
    String delivery(@RequestAttribute(PageSessionFilter.SESSION) PageSession session, @PathVariable String id,
                    @PathVariable String deliveryId, Model model) {
        long subscription = PathIds.parse(id);
        ZoneId zone = pages.zone(session);
        model.addAttribute("subscription", SubscriptionRow.of(webhooks.get(session.caller(), subscription), zone));
        model.addAttribute("delivery", DeliveryRow.of(
                webhooks.delivery(session.caller(), subscription, PathIds.parse(deliveryId)), zone));
        model.addAttribute("canWrite", session.caller().scopes().contains(Scope.WRITE));
        return "webhook-delivery";
    }

    @PostMapping("/{id}/deliveries/{deliveryId}/resend")
    String resend(@RequestAttribute(PageSessionFilter.SESSION) PageSession session, @PathVariable String id,
                  @PathVariable String deliveryId) {
        long subscription = PathIds.parse(id);
        webhooks.resend(session.caller(), subscription, PathIds.parse(deliveryId));
        return "redirect:/settings/webhooks/" + subscription + "?done=resent";
    }

    private String listPage(PageSession session, WebhookForm form, Model model) {
        ZoneId zone = pages.zone(session);
        model.addAttribute("subscriptions", webhooks.list(session.caller()).stream()
                .map(s -> SubscriptionRow.of(s, zone)).toList());
        model.addAttribute("form", form);
        model.addAttribute("eventTypes", webhooks.eventTypes());
        model.addAttribute("canAdmin", canAdmin(session.caller()));
        model.addAttribute("scopes", Scopes.of(session.caller()));
        return "webhooks";
    }

    private String subscriptionPage(PageSession session, long id, String status, String offset, Model model) {
        ZoneId zone = pages.zone(session);
        String wanted = status != null && STATUSES.contains(status) ? status : null;
        int from = offset(offset);
        WebhookAdministration.Deliveries deliveries = webhooks.deliveries(session.caller(), id, wanted,
                DELIVERIES_PER_PAGE, from);
        model.addAttribute("subscription", SubscriptionRow.of(webhooks.get(session.caller(), id), zone));
        model.addAttribute("deliveries", deliveries.deliveries().stream().map(d -> DeliveryRow.of(d, zone)).toList());
        model.addAttribute("total", deliveries.total());
        model.addAttribute("status", wanted == null ? "" : wanted);
        String base = "/settings/webhooks/" + id + "?" + (wanted == null ? "" : "status=" + wanted + "&") + "offset=";
        model.addAttribute("newer", from == 0 ? null : base + Math.max(0, from - DELIVERIES_PER_PAGE));
        model.addAttribute("older", from + DELIVERIES_PER_PAGE < deliveries.total() ? base + (from + DELIVERIES_PER_PAGE) : null);
        model.addAttribute("canWrite", session.caller().scopes().contains(Scope.WRITE));
        model.addAttribute("canAdmin", canAdmin(session.caller()));
        model.addAttribute("scopes", Scopes.of(session.caller()));
        return "webhook";
    }

    /** What the API asks to create, rotate and delete. */
    private static boolean canAdmin(Caller caller) {
        return caller.scopes().containsAll(Set.of(Scope.WRITE, Scope.ADMIN));
    }

    /** A page's offset into the log; anything but a whole number from 0 is the first page. */
    private static int offset(String offset) {
        try {
            return offset == null ? 0 : Math.max(0, Integer.parseInt(offset));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
