package io.callrecords.accounts;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Sessions of the pages, opened with an API key (V11). A session stands for its key: it ends when the key is revoked
 * or expires, and after {@link #LIFETIME} in any case. Kept in the database, so that any app node serves any page.
 */
@Service
public class PageSessions {

    public static final Duration LIFETIME = Duration.ofHours(12);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What a sign-in comes to. */
    public sealed interface SignIn {}

    /** A session just opened: the token for the cookie (shown nowhere else) and the session. */
    public record Opened(String token, PageSession session) implements SignIn {}

    /** The key is unknown, revoked or expired. */
    public record Refused() implements SignIn {}

    /** Too many failed sign-ins from this address (for this account): try again after {@code retryAfter}. */
    public record Throttled(Duration retryAfter) implements SignIn {}

    private final JdbcClient db;
    private final ApiKeyAuthentication authentication;
    private final Clock clock;

    PageSessions(JdbcClient db, ApiKeyAuthentication authentication, Clock clock) {
        this.db = db;
        this.authentication = authentication;
        this.clock = clock;
    }

    /**
     * Opens a session for a usable API key, sent from {@code from}; behind the same throttle of failed
     * authentications as the API, so the form is no faster way to guess keys.
     */
    public SignIn open(String apiKey, ClientAddress from) {
        return switch (authentication.authenticate(apiKey.strip(), from)) {
            case ApiKeyAuthentication.Authenticated authenticated -> open(authenticated.found());
            case ApiKeyAuthentication.Refused refused -> new Refused();
            case ApiKeyAuthentication.Throttled throttled -> new Throttled(throttled.retryAfter());
        };
    }

    private Opened open(ApiKeys.Authenticated found) {
        ApiKey key = found.key();
        Instant now = clock.instant();
        String token = randomToken();
        String csrf = randomToken();
        Instant expires = key.expiresAt() != null && key.expiresAt().isBefore(now.plus(LIFETIME))
                ? key.expiresAt() : now.plus(LIFETIME);
        db.sql("""
                        INSERT INTO page_sessions (token_hash, account_id, api_key_id, csrf_token, expires_at)
                        VALUES (:hash, :account, :key, :csrf, :expires)""")
                .param("hash", ApiKeySecret.hash(token)).param("account", key.accountId())
                .param("key", key.id()).param("csrf", csrf)
                .param("expires", Timestamp.from(expires)).update();
        return new Opened(token, new PageSession(found.caller(), csrf));
    }

    /**
     * The session of a cookie's token, while it and its key are usable (and, for a personal key, its user live and
     * active), with the caller its key makes now: the user's current role, read in the same query.
     */
    public Optional<PageSession> find(String token) {
        return db.sql("""
                        SELECT s.account_id, s.api_key_id, s.csrf_token, k.scopes, k.user_id, %s AS role
                        FROM page_sessions s JOIN api_keys k ON k.id = s.api_key_id %s
                        WHERE s.token_hash = :hash AND s.expires_at > now()
                          AND k.revoked_at IS NULL AND (k.expires_at IS NULL OR k.expires_at > now())
                          AND (k.user_id IS NULL OR %1$s IS NOT NULL)""".formatted(ApiKeys.LIVE_ROLE, ApiKeys.JOIN_USER))
                .param("hash", ApiKeySecret.hash(token))
                .query((rs, i) -> new PageSession(ApiKeys.caller(rs.getLong(1), rs.getLong(2),
                        Scope.parse((String[]) rs.getArray(4).getArray()), rs.getObject(5, Long.class),
                        ApiKeys.role(rs.getString(6))), rs.getString(3)))
                .optional();
    }

    /** Signs out: the token opens nothing any more. */
    public void close(String token) {
        db.sql("DELETE FROM page_sessions WHERE token_hash = :hash").param("hash", ApiKeySecret.hash(token)).update();
    }

    @Scheduled(fixedDelayString = "PT10M")
    void forgetExpired() {
        db.sql("DELETE FROM page_sessions WHERE expires_at <= now()").update();
    }

    private static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
