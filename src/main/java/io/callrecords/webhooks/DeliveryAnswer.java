package io.callrecords.webhooks;

/**
 * The answer to sending a delivery (again): the whole delivery for a key that may read, else only an
 * {@link Acknowledgement} (see {@link WebhookAdministration}).
 */
public sealed interface DeliveryAnswer permits WebhookDelivery, Acknowledgement {

    long id();

    String status();
}
