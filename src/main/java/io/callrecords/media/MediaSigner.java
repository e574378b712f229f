package io.callrecords.media;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Signs and checks media links: HMAC-SHA256 with the server key over the account, the call, the
 * kind and the expiry, so that changing any of them (another account, another call, a later
 * expiry) breaks the signature. A link is valid in the one spelling this class writes.
 */
@Component
class MediaSigner {

    /** How long a link served in a record works (the seed article: 4 hours). */
    static final Duration VALIDITY = Duration.ofHours(4);

    private final SigningKey key;

    MediaSigner(SigningKey key) {
        this.key = key;
    }

    String sign(long accountId, UUID call, MediaKind kind, long expiresEpochSecond) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac(accountId, call, kind, expiresEpochSecond));
    }

    /**
     * Whether {@code signature} is the signature of these values, written exactly as {@link #sign} writes it: the
     * same bytes in another spelling (padding, the unused bits of the last character) are no signature, so a link
     * has one form only. Compared in constant time.
     */
    boolean valid(long accountId, UUID call, MediaKind kind, long expiresEpochSecond, String signature) {
        byte[] expected = sign(accountId, call, kind, expiresEpochSecond).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.UTF_8));
    }

    private byte[] mac(long accountId, UUID call, MediaKind kind, long expires) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.bytes(), "HmacSHA256"));
            String message = "callrecords-media-v1\n" + accountId + "\n" + call + "\n" + kind.wire() + "\n" + expires;
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
