package io.callrecords.web;

import io.callrecords.accounts.PageSession;
import io.callrecords.shared.PathIds;
import io.callrecords.shared.ValidationException;
import io.callrecords.webhooks.DeliveryAnswer;
import io.callrecords.webhooks.WebhookAdministration;
import jakarta.servlet.http.HttpServletResponse;
import java.time.ZoneId;
import java.util.function.UnaryOperator;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * What a subscription's page does to its deliveries beside resending one: send a test event (then the page follows
 * it until its first attempt) and queue again every failed delivery since a local time (then the page says how
 * many). Both as {@code POST /api/v3/webhooks/{id}/test} and {@code /recover} do them, through
 * {@link WebhookAdministration}; a refused form is shown again with the API's message next to its field.
 */
@Controller
@RequestMapping("/settings/webhooks/{id}")
class DeliveryToolsController {

    /** The answer that tells htmx to stop asking: the test event has had its first attempt, or cannot have it. */
    static final int STOP_POLLING = 286;

    private final WebhookAdministration webhooks;
    private final PageModel pages;
    private final SubscriptionPage subscriptionPage;

    DeliveryToolsController(WebhookAdministration webhooks, PageModel pages, SubscriptionPage subscriptionPage) {
        this.webhooks = webhooks;
        this.pages = pages;
        this.subscriptionPage = subscriptionPage;
    }

    @PostMapping("/test")
    String test(@RequestAttribute(PageSessionFilter.SESSION) PageSession session, @PathVariable String id,
                @RequestParam(required = false) String event, Model model, HttpServletResponse response) {
        long subscription = PathIds.parse(id);
        try {
            DeliveryAnswer queued = webhooks.sendTest(session.caller(), subscription, event);
            return "redirect:/settings/webhooks/" + subscription + "?tested=" + queued.id();
        } catch (ValidationException e) {
            return refused(session, subscription, e, form -> form.withEvent(event), model, response);
        }
    }

    /** The box's words and, out of band, the delivery's row; answered with {@link #STOP_POLLING} once settled. */
    @GetMapping("/deliveries/{deliveryId}/test-outcome")
    String testOutcome(@RequestAttribute(PageSessionFilter.SESSION) PageSession session, @PathVariable String id,
                       @PathVariable String deliveryId, Model model, HttpServletResponse response) {
        long subscription = PathIds.parse(id);
        ZoneId zone = pages.zone(session);
        SubscriptionRow row = SubscriptionRow.of(webhooks.get(session.caller(), subscription), zone);
        TestOutcome outcome = TestOutcome.of(DeliveryRow.of(
                webhooks.delivery(session.caller(), subscription, PathIds.parse(deliveryId)), zone), row);
        model.addAttribute("subscription", row);
        model.addAttribute("tested", outcome);
        model.addAttribute("oob", true);
        WebhookPermissions.addTo(model, session.caller());
        if (outcome.settled()) {
            response.setStatus(STOP_POLLING);
        }
        return "webhook :: test-outcome";
    }

    /** {@code since}: a {@code datetime-local} value, read in the account's time zone. */
    @PostMapping("/recover")
    String recover(@RequestAttribute(PageSessionFilter.SESSION) PageSession session, @PathVariable String id,
                   @RequestParam(required = false) String since, Model model, HttpServletResponse response) {
        long subscription = PathIds.parse(id);
        String local = since == null ? "" : since.strip();
        try {
            int requeued = webhooks.recover(session.caller(), subscription, LocalDateTimes.withOffset(local, pages.zone(session)));
            return "redirect:/settings/webhooks/" + subscription + "?requeued=" + requeued;
        } catch (ValidationException e) {
            return refused(session, subscription, e, form -> form.withSince(local), model, response);
        }
    }

    private String refused(PageSession session, long subscription, ValidationException e,
                           UnaryOperator<DeliveryToolsForm> asSent, Model model, HttpServletResponse response) {
        response.setStatus(422);
        return subscriptionPage.render(session, subscription, SubscriptionPage.View.plain(), asSent,
                FormErrors.of(e, DeliveryToolsForm.FIELDS), model);
    }
}
