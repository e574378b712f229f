package io.callrecords.web;

/**
 * What became of a test event, in words, for the box of the subscription's page that follows it: it is settled once
 * the first attempt has been made (or cannot be made, the subscription being paused or disabled), and then the box
 * stops asking.
 */
public record TestOutcome(DeliveryRow delivery, String words, boolean settled) {

    static TestOutcome of(DeliveryRow delivery, SubscriptionRow subscription) {
        String response = delivery.lastResponse().isEmpty() ? "" : " (" + delivery.lastResponse() + ")";
        if (delivery.attemptCount() == 0 && delivery.status().equals("pending")) {
            return subscription.active()
                    ? new TestOutcome(delivery, "The test event is queued; waiting for its first attempt…", false)
                    : new TestOutcome(delivery, "The test event is queued, but the subscription is " + subscription.status()
                            + ": it goes out after you resume it.", true);
        }
        String words = switch (delivery.status()) {
            case "succeeded" -> "The endpoint accepted the test event" + response + ".";
            case "failed" -> "The test event failed" + response + ".";
            default -> "The endpoint did not accept the test event" + response + "; it is tried again at "
                    + delivery.nextAttempt() + ".";
        };
        return new TestOutcome(delivery, words, true);
    }

    /** The box's look: {@code pending} (not tried yet), {@code succeeded}, {@code retrying} or {@code failed}. */
    public String look() {
        return delivery.status().equals("pending") && delivery.attemptCount() > 0 ? "retrying" : delivery.status();
    }
}
