package io.callrecords.sources.hipcall;

import io.callrecords.shared.CallrecordsProperties;
import io.callrecords.shared.KeyFiles;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Keeps Hipcall API keys encrypted at rest: AES-256-GCM with a key of the service's own, made and kept the way the
 * media signing key is ({@code <data-dir>/keys/hipcall-secrets.key}, mode 0600, 32 random bytes made once; two
 * processes starting at once agree on the first). A database dump alone does not give away a customer's Hipcall key.
 * Several nodes share the data directory's key, as for media links.
 */
@Component
class HipcallSecrets {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final Path file;
    private final SecureRandom random = new SecureRandom();
    private volatile SecretKeySpec key;

    HipcallSecrets(CallrecordsProperties properties) {
        this.file = properties.dataDir().resolve("keys").resolve("hipcall-secrets.key");
    }

    String encrypt(String secret) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
                    .put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** @throws IllegalStateException when the text was not sealed with this service's key */
    String decrypt(String sealedText) {
        byte[] all = Base64.getDecoder().decode(sealedText);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
            return new String(cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the stored Hipcall API key cannot be read with this service's key ("
                    + file + "); enter the key again", e);
        }
    }

    private SecretKeySpec key() {
        SecretKeySpec k = key;
        if (k == null) {
            synchronized (this) {
                if (key == null) {
                    key = new SecretKeySpec(KeyFiles.readOrCreate(file, "Hipcall secrets key"), "AES");
                }
                k = key;
            }
        }
        return k;
    }
}
