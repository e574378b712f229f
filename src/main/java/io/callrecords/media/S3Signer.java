package io.callrecords.media;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * AWS Signature Version 4 for the S3 requests of {@link S3MediaStorage}, in an {@code Authorization} header:
 * requests without a query string, every header given signed. Proven against AWS's published example request.
 */
final class S3Signer {

    static final String EMPTY_PAYLOAD = sha256Hex(new byte[0]);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    /** The key pair to sign with; {@code sessionToken} only for temporary credentials, else null. */
    record Credentials(String accessKey, String secretKey, String sessionToken) {}

    private final String region;

    S3Signer(String region) {
        this.region = region;
    }

    /**
     * The headers to add to the request: {@code x-amz-date}, {@code x-amz-content-sha256}, the session token if any,
     * and {@code Authorization}.
     *
     * @param rawPath     the request's path exactly as sent, already URI-encoded
     * @param headers     the other headers to sign, {@code host} among them
     * @param payloadHash the hex SHA-256 of the body
     */
    Map<String, String> sign(String method, String rawPath, Map<String, String> headers, String payloadHash,
                             Credentials credentials, Instant at) {
        String stamp = STAMP.format(at);
        String day = stamp.substring(0, 8);
        SortedMap<String, String> signed = new TreeMap<>();
        headers.forEach((name, value) -> signed.put(name.toLowerCase(Locale.ROOT), value.strip()));
        signed.put("x-amz-date", stamp);
        signed.put("x-amz-content-sha256", payloadHash);
        if (credentials.sessionToken() != null) {
            signed.put("x-amz-security-token", credentials.sessionToken());
        }
        StringBuilder canonical = new StringBuilder(method).append('\n').append(rawPath).append("\n\n");
        signed.forEach((name, value) -> canonical.append(name).append(':').append(value).append('\n'));
        String names = String.join(";", signed.keySet());
        canonical.append('\n').append(names).append('\n').append(payloadHash);
        String scope = day + "/" + region + "/s3/aws4_request";
        String toSign = "AWS4-HMAC-SHA256\n" + stamp + "\n" + scope + "\n"
                + sha256Hex(canonical.toString().getBytes(StandardCharsets.UTF_8));
        byte[] key = hmac(("AWS4" + credentials.secretKey()).getBytes(StandardCharsets.UTF_8), day);
        for (String part : new String[] {region, "s3", "aws4_request"}) {
            key = hmac(key, part);
        }
        String signature = HexFormat.of().formatHex(hmac(key, toSign));
        Map<String, String> out = new TreeMap<>(signed);
        headers.keySet().forEach(name -> out.remove(name.toLowerCase(Locale.ROOT)));
        out.put("authorization", "AWS4-HMAC-SHA256 Credential=" + credentials.accessKey() + "/" + scope
                + ",SignedHeaders=" + names + ",Signature=" + signature);
        return out;
    }

    /** A path segment (or a key, with its slashes kept) encoded as S3 wants it in the canonical request. */
    static String encode(String text, boolean keepSlashes) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_'
                    || c == '.' || c == '~' || c == '/' && keepSlashes) {
                out.append(c);
            } else {
                out.append('%').append(HexFormat.of().withUpperCase().toHexDigits(b));
            }
        }
        return out.toString();
    }

    static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
