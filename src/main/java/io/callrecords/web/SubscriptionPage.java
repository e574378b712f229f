package io.callrecords.web;

import io.callrecords.accounts.PageSession;
import io.callrecords.webhooks.WebhookAdministration;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * A subscription's page ({@code webhook.html}): its fields and state, the actions the session's scopes allow, the
 * forms that send a test event and recover failed deliveries, the box that follows a test event, and a page of the
 * delivery log. Shown by a visit and again, with the API's messages, by a test or recover form that was refused.
 */
@Component
class SubscriptionPage {

    static final int DELIVERIES_PER_PAGE = 25;
    private static final Set<String> STATUSES = Set.of("pending", "succeeded", "failed");

    /**
     * Which page of the log (a status filter and an offset, as given in the address: anything unknown is ignored),
     * what a redirect after an action said it did, and the test delivery to follow (null for none).
     */
    record View(String status, String offset, String done, Long tested) {

        static View plain() {
            return new View(null, null, null, null);
        }
    }

    private final WebhookAdministration webhooks;
    private final PageModel pages;
    private final Clock clock;

    SubscriptionPage(WebhookAdministration webhooks, PageModel pages, Clock clock) {
        this.webhooks = webhooks;
        this.pages = pages;
        this.clock = clock;
    }

    /** The page with the tools' forms as they start. */
    String render(PageSession session, long id, View view, Model model) {
        return render(session, id, view, UnaryOperator.identity(), Map.of(), model);
    }

    /**
     * The page with the tools' forms as sent ({@code asSent} fills in what a form sent over how they start) and the
     * API's messages by field.
     */
    String render(PageSession session, long id, View view, UnaryOperator<DeliveryToolsForm> asSent,
                  Map<String, List<String>> errors, Model model) {
        ZoneId zone = pages.zone(session);
        SubscriptionRow subscription = SubscriptionRow.of(webhooks.get(session.caller(), id), zone);
        String wanted = view.status() != null && STATUSES.contains(view.status()) ? view.status() : null;
        int from = offset(view.offset());
        WebhookAdministration.Deliveries deliveries = webhooks.deliveries(session.caller(), id, wanted,
                DELIVERIES_PER_PAGE, from);
        model.addAttribute("subscription", subscription);
        model.addAttribute("done", view.done());
        model.addAttribute("tested", view.tested() == null ? null : TestOutcome.of(DeliveryRow.of(
                webhooks.delivery(session.caller(), id, view.tested()), zone), subscription));
        model.addAttribute("deliveries", deliveries.deliveries().stream().map(d -> DeliveryRow.of(d, zone)).toList());
        model.addAttribute("total", deliveries.total());
        model.addAttribute("status", wanted == null ? "" : wanted);
        String base = "/settings/webhooks/" + id + "?" + (wanted == null ? "" : "status=" + wanted + "&") + "offset=";
        model.addAttribute("newer", from == 0 ? null : base + Math.max(0, from - DELIVERIES_PER_PAGE));
        model.addAttribute("older", from + DELIVERIES_PER_PAGE < deliveries.total() ? base + (from + DELIVERIES_PER_PAGE) : null);
        model.addAttribute("eventTypes", webhooks.eventTypes());
        model.addAttribute("tools", asSent.apply(DeliveryToolsForm.defaults(subscription.events(), clock.instant(), zone)));
        model.addAttribute("errors", errors);
        WebhookPermissions.addTo(model, session.caller());
        return "webhook";
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
