/** Webhooks: subscriptions, the outbox written with each call change, the dispatcher that signs and sends, the delivery log. */
package io.callrecords.webhooks;
