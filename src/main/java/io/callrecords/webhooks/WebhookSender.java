package io.callrecords.webhooks;

import io.callrecords.calls.CallRecord;
import io.callrecords.calls.CallRecords;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Makes one attempt at a claimed delivery: builds the body from the call's record as the API
 * serves it now (the event name was fixed when queued), signs it, POSTs it, and says what
 * happened. Holds no transaction or connection while the request is out: the record is read
 * before, in its own short read.
 */
@Component
class WebhookSender {

    private final CallRecords records;
    private final OutboundHttp http;
    private final RetryPolicy retries;
    private final JsonMapper json;
    private final Clock clock;

    WebhookSender(CallRecords records, OutboundHttp http, RetryPolicy retries, JsonMapper json, Clock clock) {
        this.records = records;
        this.http = http;
        this.retries = retries;
        this.json = json;
        this.clock = clock;
    }

    /** The body of a delivery, to be built (once) when first needed and shared with same-event deliveries. */
    SharedBody body(ClaimedDelivery d) {
        return new SharedBody(() -> build(d));
    }

    AttemptOutcome attempt(ClaimedDelivery d, SharedBody shared) {
        Instant at = clock.instant();
        long started = System.nanoTime();
        Optional<byte[]> body = shared.get();
        if (body.isEmpty()) {
            return outcome(d, at, started, null, "Not sent: the call's record no longer exists.", null,
                    AttemptOutcome.Kind.UNSENDABLE, null);
        }
        long timestamp = at.getEpochSecond();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("User-Agent", "Callrecords-Webhooks/1");
        headers.put("webhook-id", d.webhookId());
        headers.put("webhook-timestamp", Long.toString(timestamp));
        headers.put("webhook-signature", WebhookSignature.header(d.signingSecrets(at), d.webhookId(), timestamp, body.get()));
        try {
            OutboundHttp.Answer answer = http.post(URI.create(d.url()), headers, body.get());
            return classify(d, at, started, answer);
        } catch (OutboundHttp.Refused e) {
            return outcome(d, at, started, null, e.getMessage(), null, AttemptOutcome.Kind.FAILED, null);
        } catch (HttpConnectTimeoutException e) {
            return outcome(d, at, started, null, "Could not connect within the connect timeout.", null,
                    AttemptOutcome.Kind.FAILED, null);
        } catch (HttpTimeoutException e) {
            return outcome(d, at, started, null, "Timed out: " + e.getMessage() + ".", null, AttemptOutcome.Kind.FAILED, null);
        } catch (IOException e) {
            return outcome(d, at, started, null, "Connection failed: " + describe(e) + ".", null,
                    AttemptOutcome.Kind.FAILED, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return outcome(d, at, started, null, "Interrupted: the node is stopping.", null, AttemptOutcome.Kind.FAILED, null);
        } catch (RuntimeException e) {
            // A request the client cannot even build (a URL or TLS parameter it rejects) is a failed attempt like
            // any other: logged, retried on the schedule, counted by the breaker — not re-leased silently forever.
            return outcome(d, at, started, null, "Could not send: " + e.getMessage() + ".", null,
                    AttemptOutcome.Kind.FAILED, null);
        }
    }

    /** {@code {"event": NAME, "data": RECORD}}; a test event carries its sample data. */
    private Optional<byte[]> build(ClaimedDelivery d) {
        if (d.payload() != null) {
            return Optional.of(("{\"event\":\"" + d.event() + "\",\"data\":" + d.payload() + "}").getBytes(StandardCharsets.UTF_8));
        }
        return records.find(d.accountId(), d.callUuid())
                .map(record -> json.writeValueAsBytes(new CallEventBody(d.event(), record)));
    }

    /** The body of a call event: its name and the call's record as the API serves it now (call-records.md §6). */
    record CallEventBody(String event, CallRecord data) {}

    private AttemptOutcome classify(ClaimedDelivery d, Instant at, long started, OutboundHttp.Answer answer) {
        int status = answer.status();
        String body = new String(answer.firstBytes(), StandardCharsets.UTF_8);
        if (status >= 200 && status < 300) {
            return outcome(d, at, started, status, null, body, AttemptOutcome.Kind.SUCCEEDED, null);
        }
        if (status == 410) {
            return outcome(d, at, started, status, "410 Gone: the subscription is disabled.", body, AttemptOutcome.Kind.GONE, null);
        }
        if (status == 429 || status == 503) {
            Duration wait = retries.retryAfter(answer.retryAfter(), at);
            if (wait != null) {
                return outcome(d, at, started, status, "Retry-After " + wait.toSeconds() + " s honoured.", body,
                        AttemptOutcome.Kind.RETRY_AFTER, wait);
            }
        }
        String error = status >= 300 && status < 400 ? "Redirects are not followed." : null;
        return outcome(d, at, started, status, error, body, AttemptOutcome.Kind.FAILED, null);
    }

    private static AttemptOutcome outcome(ClaimedDelivery d, Instant at, long started, Integer status, String error,
                                          String body, AttemptOutcome.Kind kind, Duration retryAfter) {
        long latency = (System.nanoTime() - started) / 1_000_000;
        return new AttemptOutcome(d.id(), d.claimId(), d.subscriptionId(), at, latency, status, error, body, kind, retryAfter);
    }

    private static String describe(IOException e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getMessage() == null) {
            cause = cause.getCause();
        }
        return cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
    }
}
