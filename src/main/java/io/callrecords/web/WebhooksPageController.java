package io.callrecords.web;

import io.callrecords.accounts.PageSession;
import io.callrecords.shared.ApiException;
import io.callrecords.shared.PathIds;
import io.callrecords.shared.ValidationException;
import io.callrecords.webhooks.SubscriptionAnswer;
import io.callrecords.webhooks.WebhookAdministration;
import io.callrecords.webhooks.WebhookSubscription;
import jakarta.servlet.http.HttpServletResponse;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
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
 * Webhooks: the account's subscriptions and a form to add one; a subscription's page ({@link SubscriptionPage}) with
 * pause, resume, rotate secret, delete (after a confirmation) and its delivery log, each delivery resendable and
 * readable with every attempt. Changing a subscription, test events and recovering are {@link WebhookEditController}'s
 * and {@link DeliveryToolsController}'s. Everything goes through {@link WebhookAdministration}, with the API's scopes
 * and messages. A secret is shown in the answer of the form that made it only.
 */
@Controller
@RequestMapping("/settings/webhooks")
class WebhooksPageController {

    /**
     * What a redirect after an action says it did (the page never repeats text from the address; a recover's count,
     * the one thing it says, is read as a number).
     */
    private static final Map<String, String> DONE = Map.of(
            "paused", "Paused. Deliveries are queued until you resume it.",
            "resumed", "Resumed. Queued deliveries go out now, in order.",
            "resent", "The delivery is queued to be sent again, with the same webhook-id.",
            "edited", "Saved.",
            "deleted", "The subscription and its delivery log are deleted.");

    private final WebhookAdministration webhooks;
    private final PageModel pages;
    private final SubscriptionPage subscriptionPage;

    WebhooksPageController(WebhookAdministration webhooks, PageModel pages, SubscriptionPage subscriptionPage) {
        this.webhooks = webhooks;
        this.pages = pages;
        this.subscriptionPage = subscriptionPage;
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
                  @RequestParam(required = false) String description,
                @RequestParam(name = "hangup_waits_for_media", required = false) String hangupWaitsForMedia,
                @RequestParam(name = "media_wait_seconds", required = false) String mediaWaitSeconds,
                Model model, HttpServletResponse response) {
        WebhookForm form = WebhookForm.of(url, events, description, hangupWaitsForMedia, mediaWaitSeconds);
        try {
            SubscriptionAnswer created = webhooks.create(session.caller(), form.body());
            // A key that may not read is answered without the URL: name the one the form sent.
            String target = created instanceof WebhookSubscription subscription ? subscription.url() : form.url();
            model.addAttribute("shownOnce", new ShownOnce("The signing secret of " + target, created.secret()));
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

    /** {@code tested} names a test event to follow; {@code requeued} is how many a recover queued again. */
    @GetMapping("/{id}")
    String subscription(@RequestAttribute(PageSessionFilter.SESSION) PageSession session, @PathVariable String id,
                        @RequestParam(required = false) String status, @RequestParam(required = false) String offset,
                        @RequestParam(required = false) String done, @RequestParam(required = false) String requeued,
                        @RequestParam(required = false) String tested, Model model) {
        String said = requeued != null ? requeued(requeued) : done == null ? null : DONE.get(done);
        return subscriptionPage.render(session, PathIds.parse(id), new SubscriptionPage.View(status, offset, said,
                tested == null ? null : PathIds.parse(tested)), model);
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
        SubscriptionAnswer rotated = webhooks.rotateSecret(session.caller(), subscription);
        model.addAttribute("shownOnce", new ShownOnce("The new signing secret", rotated.secret()));
        return subscriptionPage.render(session, subscription, SubscriptionPage.View.plain(), model);
    }

    @GetMapping("/{id}/delete")
    String confirmDelete(@RequestAttribute(PageSessionFilter.SESSION) PageSession session, @PathVariable String id,
                        Model model) {
        long subscription = PathIds.parse(id);
        WebhookSubscription s = webhooks.get(session.caller(), subscription);
        return Confirmation.page(model, "Delete a webhook subscription",
                "Delete the subscription to " + s.url() + "?",
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
        WebhookPermissions.addTo(model, session.caller());
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
        WebhookPermissions.addTo(model, session.caller());
        return "webhooks";
    }

    /** A recover's answer in words; a count that is no count says nothing. */
    private static String requeued(String count) {
        try {
            int n = Integer.parseInt(count);
            return n < 0 ? null : switch (n) {
                case 0 -> "No failed delivery was created since then: nothing is queued again.";
                case 1 -> "1 failed delivery is queued again.";
                default -> n + " failed deliveries are queued again, each call's in order.";
            };
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
