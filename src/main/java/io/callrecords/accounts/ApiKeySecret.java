package io.callrecords.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A new key's secret, {@code cr_} + 256 random bits in URL-safe base64: long enough that only its
 * SHA-256 needs storing and that guessing is hopeless.
 */
record ApiKeySecret(String value) {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int PREFIX_LENGTH = 11;

    static ApiKeySecret generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return new ApiKeySecret("cr_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /** The start of the secret, kept in clear so people can tell their keys apart. */
    String prefix() {
        return value.substring(0, PREFIX_LENGTH);
    }

    /** The prefix a presented secret would have as a key of this service, if it can be one. */
    static java.util.Optional<String> prefixOf(String presented) {
        return presented.startsWith("cr_") && presented.length() > PREFIX_LENGTH
                ? java.util.Optional.of(presented.substring(0, PREFIX_LENGTH)) : java.util.Optional.empty();
    }

    byte[] hash() {
        return hash(value);
    }

    static byte[] hash(String presented) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(presented.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "ApiKeySecret[" + prefix() + "...]";
    }
}
