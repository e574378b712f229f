package io.callrecords.webhooks;

import io.callrecords.calls.CallRecord;
import io.callrecords.calls.CallRecords;
import io.callrecords.media.MediaKind;
import io.callrecords.media.MediaLinks;
import io.callrecords.media.MediaUrls;
import io.callrecords.shared.CallrecordsProperties;
import io.callrecords.shared.OutboundGuard;
import io.callrecords.shared.OutboundHttp;
import java.io.IOException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Makes one attempt at a claimed delivery: builds the body from the record kept when the event was
 * queued, with the links of the audio the call had then signed now (valid 4 hours from this
 * attempt), signs it, POSTs it, and says what happened. Holds no transaction or connection while
 * the request is out. Through the service's one outbound client: redirects are never
 * followed, and only the first bytes of an answer are read.
 */
@Component
class WebhookSender {

    /** What the delivery log keeps of an answer's body. */
    static final int KEPT_BODY_BYTES = 2048;

    private final CallRecords records;
    private final MediaLinks mediaLinks;
    private final OutboundHttp http;
    private final OutboundHttp.Profile profile;
    private final RetryPolicy retries;
    private final JsonMapper json;
    private final Clock clock;

    WebhookSender(CallRecords records, MediaLinks mediaLinks, OutboundHttp http, CallrecordsProperties.Webhooks settings,
                  RetryPolicy retries, JsonMapper json, Clock clock) {
        this.records = records;
        this.mediaLinks = mediaLinks;
        this.http = http;
        // The timeout bounds the wait for the answer and the whole exchange; a content encoding is never asked for.
        this.profile = new OutboundHttp.Profile(settings.connectTimeout(), settings.timeout(), settings.timeout(), 0, false);
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
        URI url = URI.create(d.url());
        try {
            OutboundHttp.Answer answer = http.post(url, headers, body.get(), profile, KEPT_BODY_BYTES);
            return classify(d, at, started, answer);
        } catch (OutboundGuard.Refused e) {
            return outcome(d, at, started, null, e.getMessage(), null, AttemptOutcome.Kind.FAILED, null);
        } catch (UnknownHostException e) {
            return outcome(d, at, started, null, "Connection failed: cannot resolve " + url.getHost() + ".", null,
                    AttemptOutcome.Kind.FAILED, null);
        } catch (OutboundHttp.ConnectTimedOut e) {
            return outcome(d, at, started, null, "Could not connect within the connect timeout.", null,
                    AttemptOutcome.Kind.FAILED, null);
        } catch (OutboundHttp.TimedOut e) {
            return outcome(d, at, started, null, "Timed out: " + e.getMessage() + ".", null, AttemptOutcome.Kind.FAILED, null);
        } catch (IOException e) {
            if (Thread.currentThread().isInterrupted()) {
                return outcome(d, at, started, null, "Interrupted: the node is stopping.", null,
                        AttemptOutcome.Kind.FAILED, null);
            }
            return outcome(d, at, started, null, "Connection failed: " + describe(e) + ".", null,
                    AttemptOutcome.Kind.FAILED, null);
        } catch (RuntimeException e) {
            // A request the client cannot even build (a URL or TLS parameter it rejects) is a failed attempt like
            // any other: logged, retried on the schedule, counted by the breaker — not re-leased silently forever.
            return outcome(d, at, started, null, "Could not send: " + e.getMessage() + ".", null,
                    AttemptOutcome.Kind.FAILED, null);
        }
    }

    /**
     * {@code {"event": NAME, "data": RECORD}}: a test event carries its sample data; a call event the record kept when
     * it was queued, its audio links signed now; a delivery queued before records were kept, the record as it is now.
     */
    private Optional<byte[]> build(ClaimedDelivery d) {
        if (d.payload() != null && d.callUuid() == null) {
            return Optional.of(("{\"event\":\"" + d.event() + "\",\"data\":" + d.payload() + "}").getBytes(StandardCharsets.UTF_8));
        }
        if (d.payload() != null) {
            ObjectNode record = (ObjectNode) json.readTree(d.payload());
            Set<MediaKind> kinds = EnumSet.noneOf(MediaKind.class);
            for (MediaKind kind : MediaKind.values()) {
                if (d.media().contains(kind.wire())) {
                    kinds.add(kind);
                }
            }
            MediaUrls urls = mediaLinks.urls(d.accountId(), d.callUuid(), kinds);
            record.put("record_url", urls.recordUrl());
            record.put("voicemail_url", urls.voicemailUrl());
            ObjectNode body = json.createObjectNode();
            body.put("event", d.event());
            body.set("data", record);
            return Optional.of(json.writeValueAsBytes(body));
        }
        return records.find(d.accountId(), d.callUuid())
                .map(record -> json.writeValueAsBytes(new CallEventBody(d.event(), record)));
    }

    /** The body of a call event: its name and the call's record (call-records.md §6). */
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
            Duration wait = retries.retryAfter(answer.header("Retry-After"), at);
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
