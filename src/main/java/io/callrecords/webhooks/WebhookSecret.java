package io.callrecords.webhooks;

import java.security.SecureRandom;
import java.util.Base64;

/** A signing secret in the Standard Webhooks form: {@code whsec_} + base64 of 32 random bytes. */
record WebhookSecret(String value) {

    static final String PREFIX = "whsec_";
    private static final SecureRandom RANDOM = new SecureRandom();

    WebhookSecret {
        if (!value.startsWith(PREFIX)) {
            throw new IllegalArgumentException("A webhook secret starts with " + PREFIX);
        }
    }

    static WebhookSecret generate() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return new WebhookSecret(PREFIX + Base64.getEncoder().encodeToString(key));
    }

    /** The HMAC key: the base64 after the prefix, decoded. */
    byte[] key() {
        return Base64.getDecoder().decode(value.substring(PREFIX.length()));
    }

    @Override
    public String toString() {
        return "WebhookSecret[whsec_...]";
    }
}
