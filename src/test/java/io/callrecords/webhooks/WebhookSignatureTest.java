package io.callrecords.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Our signatures against the specification's vector and two independent verifiers (Java and npm). */
class WebhookSignatureTest {

    private static final String VECTOR_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String VECTOR_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final long VECTOR_TIMESTAMP = 1614265330;
    private static final String VECTOR_BODY = "{\"test\": 2432232314}";
    private static final String VECTOR_SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    @Test
    void theSpecificationsVectorIsReproduced() throws Exception {
        assertThat(WebhookSignature.sign(new WebhookSecret(VECTOR_SECRET), VECTOR_ID, VECTOR_TIMESTAMP,
                VECTOR_BODY.getBytes(StandardCharsets.UTF_8))).isEqualTo(VECTOR_SIGNATURE);
        assertThat(new Webhook(VECTOR_SECRET).sign(VECTOR_ID, VECTOR_TIMESTAMP, VECTOR_BODY)).isEqualTo(VECTOR_SIGNATURE);
        assertThat(NodeVerifier.sign(VECTOR_SECRET, VECTOR_ID, VECTOR_TIMESTAMP, VECTOR_BODY)).isEqualTo(VECTOR_SIGNATURE);
    }

    @Test
    void secretsHaveTheStandardForm() {
        WebhookSecret secret = WebhookSecret.generate();
        assertThat(secret.value()).startsWith("whsec_");
        assertThat(secret.key()).hasSize(32);
        assertThat(WebhookSecret.generate()).isNotEqualTo(secret);
    }

    @Test
    void duringARotationEitherSecretVerifiesAndATamperedBodyDoesNot() throws Exception {
        WebhookSecret current = WebhookSecret.generate();
        WebhookSecret previous = WebhookSecret.generate();
        WebhookSecret stranger = WebhookSecret.generate();
        String body = "{\"event\":\"call_hangup\",\"data\":{\"uuid\":\"x\",\"caller_number\":\"+90 ğüşİ\"}}";
        long now = Instant.now().getEpochSecond();
        String id = "msg_rotation";
        String header = WebhookSignature.header(List.of(current, previous), id, now, body.getBytes(StandardCharsets.UTF_8));
        assertThat(header.split(" ")).hasSize(2).allMatch(s -> s.startsWith("v1,"));
        Map<String, List<String>> headers = Map.of("webhook-id", List.of(id),
                "webhook-timestamp", List.of(Long.toString(now)), "webhook-signature", List.of(header));

        new Webhook(current.value()).verify(body, headers);
        new Webhook(previous.value()).verify(body, headers);
        assertThatThrownBy(() -> new Webhook(stranger.value()).verify(body, headers))
                .isInstanceOf(WebhookVerificationException.class);
        assertThatThrownBy(() -> new Webhook(current.value()).verify(body.replace("x", "y"), headers))
                .isInstanceOf(WebhookVerificationException.class);

        String stamp = Long.toString(now);
        assertThat(NodeVerifier.verify(List.of(
                new NodeVerifier.Message(current.value(), body, id, stamp, header),
                new NodeVerifier.Message(previous.value(), body, id, stamp, header),
                new NodeVerifier.Message(stranger.value(), body, id, stamp, header),
                new NodeVerifier.Message(current.value(), body.replace("x", "y"), id, stamp, header))))
                .satisfiesExactly(
                        r -> assertThat(r).isEqualTo("ok"),
                        r -> assertThat(r).isEqualTo("ok"),
                        r -> assertThat(r).startsWith("rejected"),
                        r -> assertThat(r).startsWith("rejected"));
    }
}
