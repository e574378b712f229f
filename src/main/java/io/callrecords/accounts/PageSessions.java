package io.callrecords.accounts;

import io.callrecords.database.DatabaseChanges;
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
 * Sessions of the pages, opened by a person with their email and password, or with an API key (V11, V17). A key's
 * session stands for its key: it ends when the key is revoked or expires. A person's session stands for the user row:
 * it ends when the user is made inactive or deleted, loses their password, or their password changes after the
 * session was opened; it acts with the user's role as it is now. Both end after {@link #LIFETIME} in any case. Kept
 * in the database, so that any app node serves any page; one query finds a session with its key or user, and each
 * node keeps what it found ({@link PageSessionCache}) until any of that changes, on any node.
 */
@Service
public class PageSessions {

    public static final Duration LIFETIME = Duration.ofHours(12);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What a sign-in comes to. */
    public sealed interface SignIn {}

    /** A session just opened: the token for the cookie (shown nowhere else) and the session. */
    public record Opened(String token, PageSession session) implements SignIn {}

    /** The key is unknown, revoked or expired; or the email and password do not match an active user. */
    public record Refused() implements SignIn {}

    /** Too many failed sign-ins from this address (for this account): try again after {@code retryAfter}. */
    public record Throttled(Duration retryAfter) implements SignIn {}

    private final JdbcClient db;
    private final ApiKeyAuthentication authentication;
    private final PasswordAuthentication passwords;
    private final PageSessionCache cache;
    private final DatabaseChanges changes;
    private final Clock clock;

    PageSessions(JdbcClient db, ApiKeyAuthentication authentication, PasswordAuthentication passwords,
                 PageSessionCache cache, DatabaseChanges changes, Clock clock) {
        this.db = db;
        this.authentication = authentication;
        this.passwords = passwords;
        this.cache = cache;
        this.changes = changes;
        this.clock = clock;
    }

    /**
     * Opens a session for the person who signs in with this email and password, sent from {@code from}; throttled per
     * address and per email. An unknown email and a wrong password come to the same {@link Refused}, in the same time.
     */
    public SignIn open(String email, String password, ClientAddress from) {
        return switch (passwords.authenticate(email, password, from)) {
            case PasswordAuthentication.Authenticated person -> openFor(person.accountId(), person.userId());
            case PasswordAuthentication.Refused refused -> new Refused();
            case PasswordAuthentication.Throttled throttled -> new Throttled(throttled.retryAfter());
        };
    }

    /** A new session of this user (after a sign-in, or in place of the one a password change ended). */
    Opened openFor(long accountId, long userId) {
        String token = randomToken();
        db.sql("""
                        INSERT INTO page_sessions (token_hash, account_id, user_id, csrf_token, expires_at)
                        VALUES (:hash, :account, :user, :csrf, :expires)""")
                .param("hash", ApiKeySecret.hash(token)).param("account", accountId).param("user", userId)
                .param("csrf", randomToken()).param("expires", Timestamp.from(clock.instant().plus(LIFETIME))).update();
        return new Opened(token, find(token).orElseThrow());
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
        return new Opened(token, new PageSession(found.caller(), csrf, key.name()));
    }

    /**
     * The session of a cookie's token, while it and its key or user are usable: as this node keeps it, or read in one
     * query ({@link #read}). Whether it has expired (or its key) is checked against the clock on every use.
     */
    public Optional<PageSession> find(String token) {
        byte[] hash = ApiKeySecret.hash(token);
        Instant now = clock.instant();
        return cache.find(hash, () -> read(hash))
                .filter(kept -> kept.usableAt(now))
                .map(PageSessionCache.Kept::session);
    }

    /**
     * The session of a token's hash, in one query: a key session with the caller its key makes now (for a personal
     * key, while its user is live and active, with the user's current role); a person's session with the user's
     * current role, opened no earlier than their last password change (so a change ends every session opened before
     * it). With it, when it stops being usable: its expiry, or its key's when that is sooner.
     */
    private Optional<PageSessionCache.Kept> read(byte[] hash) {
        return db.sql("""
                        SELECT s.account_id, s.api_key_id, s.user_id, s.csrf_token, k.scopes, k.name, k.user_id,
                               CASE WHEN ku.deleted_at IS NULL AND ku.status = 'active' THEN ku.role END,
                               u.name, u.role, LEAST(s.expires_at, k.expires_at)
                        FROM page_sessions s
                        LEFT JOIN api_keys k ON k.id = s.api_key_id
                        LEFT JOIN users ku ON ku.account_id = k.account_id AND ku.id = k.user_id
                        LEFT JOIN users u ON u.account_id = s.account_id AND u.id = s.user_id
                        WHERE s.token_hash = :hash AND s.expires_at > now()
                          AND (k.id IS NOT NULL AND k.revoked_at IS NULL AND (k.expires_at IS NULL OR k.expires_at > now())
                               AND (k.user_id IS NULL OR ku.deleted_at IS NULL AND ku.status = 'active')
                            OR u.id IS NOT NULL AND u.status = 'active' AND u.deleted_at IS NULL
                               AND u.password_hash IS NOT NULL
                               AND (u.password_changed_at IS NULL OR s.created_at >= u.password_changed_at))""")
                .param("hash", hash)
                .query((rs, i) -> {
                    long account = rs.getLong(1);
                    String csrf = rs.getString(4);
                    Instant until = rs.getTimestamp(11).toInstant();
                    if (rs.getObject(3) != null) {
                        Role role = Role.fromWire(rs.getString(10)).orElseThrow();
                        return new PageSessionCache.Kept(new PageSession(new Caller(account, null, role.scopes(),
                                rs.getLong(3), role), csrf, rs.getString(9)), until);
                    }
                    return new PageSessionCache.Kept(new PageSession(ApiKeys.caller(account, rs.getLong(2),
                            Scope.parse((String[]) rs.getArray(5).getArray()), rs.getObject(7, Long.class),
                            ApiKeys.role(rs.getString(8))), csrf, rs.getString(6)), until);
                })
                .optional();
    }

    /** Signs a person out everywhere: every session of theirs, on every device, opens nothing any more. */
    public void closeEverywhere(Caller person) {
        if (person.userId() == null) {
            throw new IllegalArgumentException("only a person's sessions are closed everywhere");
        }
        db.sql("DELETE FROM page_sessions WHERE account_id = :account AND user_id = :user")
                .param("account", person.accountId()).param("user", person.userId()).update();
        changes.afterCommit(DatabaseChanges.PAGE_SESSIONS, person.accountId());
    }

    /** Signs out: the token opens nothing any more. */
    public void close(String token) {
        db.sql("DELETE FROM page_sessions WHERE token_hash = :hash RETURNING account_id")
                .param("hash", ApiKeySecret.hash(token)).query(Long.class).list()
                .forEach(account -> changes.afterCommit(DatabaseChanges.PAGE_SESSIONS, account));
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
