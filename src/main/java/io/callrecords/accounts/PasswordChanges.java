package io.callrecords.accounts;

import io.callrecords.database.DatabaseChanges;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A signed-in person changes their own password. The change ends every session of theirs (the sessions' query reads
 * {@code password_changed_at}), and the one they changed it in goes on as a new session opened in the same
 * transaction, so the person stays signed in here and nowhere else.
 */
@Service
public class PasswordChanges {

    /** What a change comes to. */
    public sealed interface Outcome {}

    /** Changed: the session that replaces the one the change was made in. */
    public record Changed(PageSessions.Opened session) implements Outcome {}

    /** Not changed: what is wrong, per form field ({@code current_password}, {@code new_password}, {@code repeat_password}). */
    public record Invalid(Map<String, String> errors) implements Outcome {}

    /** Too many wrong current passwords: try again after {@code retryAfter}. */
    public record Throttled(Duration retryAfter) implements Outcome {}

    private final JdbcClient db;
    private final Passwords passwords;
    private final PasswordAuthentication authentication;
    private final PageSessions sessions;
    private final DatabaseChanges changes;

    PasswordChanges(JdbcClient db, Passwords passwords, PasswordAuthentication authentication, PageSessions sessions,
                    DatabaseChanges changes) {
        this.db = db;
        this.passwords = passwords;
        this.authentication = authentication;
        this.sessions = sessions;
        this.changes = changes;
    }

    @Transactional
    public Outcome change(Caller person, String current, String chosen, String repeated, ClientAddress from) {
        if (person.userId() == null) {
            throw new IllegalArgumentException("only a person has a password");
        }
        Map<String, String> errors = new LinkedHashMap<>();
        switch (authentication.checkOwn(person.accountId(), person.userId(), current, from)) {
            case PasswordAuthentication.Throttled throttled -> {
                return new Throttled(throttled.retryAfter());
            }
            case PasswordAuthentication.Refused refused -> errors.put("current_password", "is not your current password");
            case PasswordAuthentication.Authenticated ok -> { }
        }
        String[] personal = db.sql("SELECT name, coalesce(email, '') FROM users WHERE account_id = :account AND id = :user")
                .param("account", person.accountId()).param("user", person.userId())
                .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2)}).single();
        problem(passwords, chosen, repeated, personal, errors);
        if (!errors.isEmpty()) {
            return new Invalid(errors);
        }
        setPassword(db, passwords, changes, person.accountId(), person.userId(), chosen);
        return new Changed(sessions.openFor(person.accountId(), person.userId()));
    }

    /** The rules of a new password, and the repetition that catches a typo in it. */
    static void problem(Passwords passwords, String chosen, String repeated, String[] personal, Map<String, String> errors) {
        passwords.problem(chosen, personal).ifPresent(problem -> errors.put("new_password", problem));
        if (!errors.containsKey("new_password") && !chosen.equals(repeated)) {
            errors.put("repeat_password", "is not the same as the new password");
        }
    }

    /**
     * Sets a user's password and ends every session of theirs: the sessions' query refuses those opened before
     * {@code password_changed_at}; deleting them only tidies up.
     */
    static void setPassword(JdbcClient db, Passwords passwords, DatabaseChanges changes, long accountId, long userId,
                            String chosen) {
        db.sql("""
                        UPDATE users SET password_hash = :hash, password_changed_at = now(), updated_at = now()
                        WHERE account_id = :account AND id = :user""")
                .param("hash", passwords.hash(chosen)).param("account", accountId).param("user", userId).update();
        db.sql("DELETE FROM page_sessions WHERE account_id = :account AND user_id = :user")
                .param("account", accountId).param("user", userId).update();
        changes.afterCommit(DatabaseChanges.PAGE_SESSIONS, accountId); // this node's kept sessions, at once
    }
}
