package io.callrecords.accounts;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Checks a person's email and password behind the {@link AuthenticationThrottle} (per client address and per email).
 * An unknown email costs the same bcrypt check as a known one (against a hash of nothing anyone knows) and is
 * answered the same as a wrong password, so that neither the answer nor its time tells whether an email signs in
 * here. An inactive or deleted user is refused the same way.
 */
@Component
class PasswordAuthentication {

    /** What an email and password come to. */
    sealed interface Outcome {}

    /** The password of an active user who may sign in. */
    record Authenticated(long accountId, long userId) implements Outcome {}

    /** An unknown email, a wrong password, or a user who may not sign in now. */
    record Refused() implements Outcome {}

    /** Too many failures from this address or for this email: try again after {@code retryAfter}. */
    record Throttled(Duration retryAfter) implements Outcome {}

    private record Person(long accountId, long userId, boolean active, String passwordHash, String email) {}

    private final JdbcClient db;
    private final Passwords passwords;
    private final AuthenticationThrottle throttle;
    /**
     * Compared with when the email is unknown: the same work as a real check, and never a match. Made at the first
     * sign-in, not at start-up (a bcrypt hash costs a tenth of a second or more); two made at once do no harm.
     */
    private volatile String nobodysHash;

    PasswordAuthentication(JdbcClient db, Passwords passwords, AuthenticationThrottle throttle) {
        this.db = db;
        this.passwords = passwords;
        this.throttle = throttle;
    }

    private String nobodysHash() {
        String hash = nobodysHash;
        if (hash == null) {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            hash = passwords.hash(Base64.getEncoder().encodeToString(random));
            nobodysHash = hash;
        }
        return hash;
    }

    Outcome authenticate(String email, String password, ClientAddress address) {
        String folded = email.strip().toLowerCase(Locale.ROOT);
        Optional<Duration> wait = throttle.lockedFor(address, folded);
        if (wait.isPresent()) {
            return new Throttled(wait.get());
        }
        Optional<Person> person = find(email.strip());
        boolean matches = passwords.matches(password, person.map(Person::passwordHash).orElseGet(this::nobodysHash));
        if (matches && person.isPresent() && person.get().active()) {
            return new Authenticated(person.get().accountId(), person.get().userId());
        }
        throttle.failed(address, folded);
        return new Refused();
    }

    /**
     * Whether {@code password} is the current one of this signed-in user; a wrong one counts as a failed sign-in, so
     * that a session left open is no way to guess its person's password either.
     */
    Outcome checkOwn(long accountId, long userId, String password, ClientAddress address) {
        Optional<Person> person = db.sql("""
                        SELECT account_id, id, status = 'active', password_hash, lower(email) FROM users
                        WHERE account_id = :account AND id = :user AND deleted_at IS NULL""")
                .param("account", accountId).param("user", userId)
                .query((rs, i) -> new Person(rs.getLong(1), rs.getLong(2), rs.getBoolean(3), rs.getString(4),
                        rs.getString(5)))
                .optional();
        String email = person.map(Person::email).orElse("");
        Optional<Duration> wait = throttle.lockedFor(address, email);
        if (wait.isPresent()) {
            return new Throttled(wait.get());
        }
        if (passwords.matches(password, person.map(Person::passwordHash).orElseGet(this::nobodysHash))) {
            return new Authenticated(accountId, userId);
        }
        throttle.failed(address, email);
        return new Refused();
    }

    /** The live user who signs in with this email (unique among them: {@code users_sign_in_email}). */
    private Optional<Person> find(String email) {
        return db.sql("""
                        SELECT account_id, id, status = 'active', password_hash, lower(email) FROM users
                        WHERE lower(email) = lower(:email) AND password_hash IS NOT NULL AND deleted_at IS NULL""")
                .param("email", email)
                .query((rs, i) -> new Person(rs.getLong(1), rs.getLong(2), rs.getBoolean(3), rs.getString(4),
                        rs.getString(5)))
                .optional();
    }
}
