package io.callrecords.accounts;

import io.callrecords.database.DatabaseChanges;
import io.callrecords.shared.CallrecordsProperties;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One-time links that set a person's password (V17), made by the operator's command line and given to the person by
 * hand: the service assumes no mail server. A link holds 256 random bits, of which only the SHA-256 is kept; it works
 * once, for {@link #LIFETIME}, and only while the person's password has not changed since it was made. Setting the
 * password ends every session of the person.
 */
@Service
public class PasswordResets {

    public static final Duration LIFETIME = Duration.ofHours(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A link just made: the whole link, to print; shown nowhere else. */
    public record Issued(String link, long userId, String name) {}

    /** The person a usable link is for. */
    public record For(String name, String email) {}

    /** What using a link comes to. */
    public sealed interface Outcome {}

    /** The password is set. */
    public record Done() implements Outcome {}

    /** Not set: what is wrong, per form field ({@code new_password}, {@code repeat_password}). */
    public record Invalid(Map<String, String> errors) implements Outcome {}

    /** The link is unknown, used, expired, or its person's password changed since, or they may not sign in now. */
    public record Unusable() implements Outcome {}

    private static final String USABLE = """
            r.used_at IS NULL AND r.expires_at > now() AND u.deleted_at IS NULL AND u.status = 'active'
            AND (u.password_changed_at IS NULL OR r.created_at >= u.password_changed_at)""";

    private final JdbcClient db;
    private final Passwords passwords;
    private final DatabaseChanges changes;
    private final String configuredBase;
    private volatile String port;

    PasswordResets(JdbcClient db, Passwords passwords, DatabaseChanges changes, CallrecordsProperties properties,
                   Environment environment) {
        this.db = db;
        this.passwords = passwords;
        this.changes = changes;
        String base = properties.publicBaseUrl();
        this.configuredBase = base == null || base.isBlank() ? null : base.replaceAll("/+$", "");
        this.port = environment.getProperty("server.port", "8080");
    }

    /** The port this process serves on, when it does (the command line knows only the setting). */
    @EventListener
    void serverStarted(WebServerInitializedEvent event) {
        port = Integer.toString(event.getWebServer().getPort());
    }

    /**
     * A link for the live user of the account with this email. The reason when there is none: no such user, an
     * inactive one, or an email another account's person already signs in with.
     */
    @Transactional
    public Issued issue(long accountId, String email) {
        record User(long id, String name, boolean active) {}
        Optional<User> user = db.sql("""
                        SELECT id, name, status = 'active' FROM users
                        WHERE account_id = :account AND lower(email) = lower(:email) AND deleted_at IS NULL
                        ORDER BY password_hash IS NULL, id LIMIT 1""")
                .param("account", accountId).param("email", email.strip())
                .query((rs, i) -> new User(rs.getLong(1), rs.getString(2), rs.getBoolean(3))).optional();
        if (user.isEmpty()) {
            throw new IllegalArgumentException("No user of this account has the email '" + email.strip() + "'.");
        }
        if (!user.get().active()) {
            throw new IllegalArgumentException(user.get().name() + " (user " + user.get().id()
                    + ") is inactive and may not sign in: an administrator makes them active first.");
        }
        boolean takenElsewhere = db.sql("""
                        SELECT EXISTS (SELECT 1 FROM users WHERE lower(email) = lower(:email) AND password_hash IS NOT NULL
                                        AND deleted_at IS NULL AND NOT (account_id = :account AND id = :user))""")
                .param("email", email.strip()).param("account", accountId).param("user", user.get().id())
                .query(Boolean.class).single();
        if (takenElsewhere) {
            throw new IllegalArgumentException("Another person already signs in with '" + email.strip()
                    + "': sign-in emails are unique across the service.");
        }
        String token = randomToken();
        db.sql("""
                        INSERT INTO password_resets (token_hash, account_id, user_id, expires_at)
                        VALUES (:hash, :account, :user, now() + make_interval(secs => :lifetime))""")
                .param("hash", ApiKeySecret.hash(token)).param("account", accountId).param("user", user.get().id())
                .param("lifetime", LIFETIME.toSeconds()).update();
        String base = configuredBase != null ? configuredBase : "http://localhost:" + port;
        return new Issued(base + "/reset-password?token=" + token, user.get().id(), user.get().name());
    }

    /** The person a link is for, while it is usable. */
    public Optional<For> usable(String token) {
        return db.sql("""
                        SELECT u.name, u.email FROM password_resets r
                        JOIN users u ON u.account_id = r.account_id AND u.id = r.user_id
                        WHERE r.token_hash = :hash AND
                        """ + USABLE)
                .param("hash", ApiKeySecret.hash(token))
                .query((rs, i) -> new For(rs.getString(1), rs.getString(2))).optional();
    }

    /** Sets the password through a usable link, which is then used up; every session of the person ends. */
    @Transactional
    public Outcome reset(String token, String chosen, String repeated) {
        record Row(long accountId, long userId, String name, String email) {}
        Optional<Row> row = db.sql("""
                        SELECT r.account_id, r.user_id, u.name, coalesce(u.email, '') FROM password_resets r
                        JOIN users u ON u.account_id = r.account_id AND u.id = r.user_id
                        WHERE r.token_hash = :hash AND
                        """ + USABLE + " FOR UPDATE OF r")
                .param("hash", ApiKeySecret.hash(token))
                .query((rs, i) -> new Row(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4))).optional();
        if (row.isEmpty()) {
            return new Unusable();
        }
        Map<String, String> errors = new LinkedHashMap<>();
        PasswordChanges.problem(passwords, chosen, repeated, new String[] {row.get().name(), row.get().email()}, errors);
        if (!errors.isEmpty()) {
            return new Invalid(errors);
        }
        db.sql("UPDATE password_resets SET used_at = now() WHERE token_hash = :hash")
                .param("hash", ApiKeySecret.hash(token)).update();
        PasswordChanges.setPassword(db, passwords, changes, row.get().accountId(), row.get().userId(), chosen);
        return new Done();
    }

    @Scheduled(fixedDelayString = "PT1H")
    void forgetOld() {
        db.sql("DELETE FROM password_resets WHERE expires_at <= now() - interval '1 day'").update();
    }

    private static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
