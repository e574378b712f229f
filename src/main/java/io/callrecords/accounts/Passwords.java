package io.callrecords.accounts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The passwords of people who sign in: the rules a new password must meet, and its bcrypt hash (Spring Security's
 * encoder). Bcrypt reads at most 72 bytes, so a longer password is refused rather than silently cut.
 */
@Component
public class Passwords {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_BYTES = 72;

    private final PasswordEncoder encoder = new BCryptPasswordEncoder();
    private final Set<String> common = load();

    /** Why this password may not be set, in words for the person choosing it; empty when it is fine. */
    public Optional<String> problem(String password, String... personal) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Optional.of("must be at least " + MIN_LENGTH + " characters long");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Optional.of("must be at most " + MAX_BYTES + " bytes long (about " + MAX_BYTES
                    + " letters of the Latin alphabet, fewer of others)");
        }
        String folded = password.toLowerCase(Locale.ROOT);
        if (common.contains(folded) || folded.chars().distinct().count() < 4) {
            return Optional.of("is too easy to guess: choose a less common one");
        }
        for (String own : personal) {
            if (own != null && !own.isBlank() && folded.contains(own.toLowerCase(Locale.ROOT).strip())) {
                return Optional.of("must not contain your name or email");
            }
        }
        return Optional.empty();
    }

    public String hash(String password) {
        return encoder.encode(password);
    }

    public boolean matches(String password, String hash) {
        return password != null && hash != null && password.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES
                && encoder.matches(password, hash);
    }

    private static Set<String> load() {
        try (var in = new ClassPathResource("common-passwords.txt").getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(line -> line.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
