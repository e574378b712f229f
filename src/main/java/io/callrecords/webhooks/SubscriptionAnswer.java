package io.callrecords.webhooks;

/**
 * The answer to a change of a subscription: the whole subscription for a key that may read, else only an
 * {@link Acknowledgement} (see {@link WebhookAdministration}).
 */
public sealed interface SubscriptionAnswer permits WebhookSubscription, Acknowledgement {

    long id();

    String status();

    /** The signing secret in the answers to create and rotate-secret; null in any other. */
    String secret();
}
