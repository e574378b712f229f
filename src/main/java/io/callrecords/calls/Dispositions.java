package io.callrecords.calls;

import io.callrecords.accounts.Caller;
import io.callrecords.accounts.Scope;
import io.callrecords.shared.ApiException;
import io.callrecords.shared.FieldErrors;
import io.callrecords.shared.Timestamps;
import io.callrecords.shared.ValidationException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The account's disposition codes (the outcomes a call may be given: {@code sale}, {@code no_interest}): a code,
 * unique in the account, and a name people read. Changing the list needs the {@code admin} scope; a code removed
 * from the account is cleared from every call that had it, and each of those calls changes ({@code call_updated}).
 */
@Service
public class Dispositions {

    public record Disposition(long id, String code, String name, Instant createdAt, Instant updatedAt) {}

    static final String COLUMNS = "id, code, name, created_at, updated_at";

    private final JdbcClient jdbc;
    private final NotedCalls calls;

    Dispositions(JdbcClient jdbc, NotedCalls calls) {
        this.jdbc = jdbc;
        this.calls = calls;
    }

    /** Every code of the account, by code. */
    public List<Disposition> all(long accountId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM dispositions WHERE account_id = :account ORDER BY code")
                .param("account", accountId).query((rs, n) -> read(rs)).list();
    }

    /** A page of the account's dispositions in the order of {@link #all}, and the number of all of them. */
    @Transactional(readOnly = true)
    public Listed<Disposition> page(long accountId, int limit, long offset) {
        List<Disposition> page = jdbc.sql("SELECT " + COLUMNS + " FROM dispositions WHERE account_id = :account ORDER BY code"
                        + " LIMIT :limit OFFSET :offset")
                .param("account", accountId).param("limit", limit).param("offset", offset)
                .query((rs, n) -> read(rs)).list();
        long count = jdbc.sql("SELECT count(*) FROM dispositions WHERE account_id = :account").param("account", accountId)
                .query(Long.class).single();
        return new Listed<>(page, count);
    }

    Disposition get(long accountId, long id) {
        return find(accountId, "id", id).orElseThrow(ApiException::notFound);
    }

    Optional<Disposition> find(long accountId, String column, Object value) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM dispositions WHERE account_id = :account AND "
                        + ("code".equals(column) ? "code" : "id") + " = :value")
                .param("account", accountId).param("value", value).query((rs, n) -> read(rs)).optional();
    }

    /** {@code {"code", "name"}}. */
    @Transactional
    public Disposition create(Caller caller, Map<String, Object> body) {
        caller.require(Scope.ADMIN);
        FieldErrors errors = new FieldErrors();
        String code = NoteFields.code(body.get("code"), "code", errors);
        String name = NoteFields.text(body.get("name"), "name", NoteFields.MAX_NAME_LENGTH, errors);
        errors.throwIfAny();
        return unique(code, () -> jdbc.sql("INSERT INTO dispositions (account_id, code, name)"
                        + " VALUES (:account, :code, :name) RETURNING " + COLUMNS)
                .param("account", caller.accountId()).param("code", code).param("name", name)
                .query((rs, n) -> read(rs)).single());
    }

    /** Any subset of the fields of {@link #create}; the others stay. Calls keep the disposition under its new code. */
    @Transactional
    public Disposition update(Caller caller, long id, Map<String, Object> body) {
        caller.require(Scope.ADMIN);
        Disposition disposition = get(caller.accountId(), id);
        FieldErrors errors = new FieldErrors();
        String code = body.containsKey("code") ? NoteFields.code(body.get("code"), "code", errors) : disposition.code();
        String name = body.containsKey("name")
                ? NoteFields.text(body.get("name"), "name", NoteFields.MAX_NAME_LENGTH, errors) : disposition.name();
        errors.throwIfAny();
        return unique(code, () -> jdbc.sql("UPDATE dispositions SET code = :code, name = :name, updated_at = now()"
                        + " WHERE account_id = :account AND id = :id RETURNING " + COLUMNS)
                .param("account", caller.accountId()).param("id", id).param("code", code).param("name", name)
                .query((rs, n) -> read(rs)).single());
    }

    /** Removes the code from the account and clears it from every call that had it; answers it as it was. */
    @Transactional
    public Disposition delete(Caller caller, long id) {
        caller.require(Scope.ADMIN);
        Disposition disposition = get(caller.accountId(), id);
        List<UUID> given = jdbc.sql("SELECT call_uuid FROM call_dispositions WHERE account_id = :account"
                        + " AND disposition_id = :id")
                .param("account", caller.accountId()).param("id", id).query(UUID.class).list();
        calls.lock(caller.accountId(), given);
        jdbc.sql("DELETE FROM dispositions WHERE account_id = :account AND id = :id") // calls' follow (ON DELETE CASCADE)
                .param("account", caller.accountId()).param("id", id).update();
        calls.changed(caller.accountId(), given);
        return disposition;
    }

    private static Disposition unique(String code, java.util.function.Supplier<Disposition> write) {
        try {
            return write.get();
        } catch (DuplicateKeyException e) {
            throw ValidationException.of("code", "'" + code + "' is already a disposition code of this account");
        }
    }

    static Disposition read(ResultSet rs) throws SQLException {
        return new Disposition(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
                Timestamps.fromDb(rs, "created_at"), Timestamps.fromDb(rs, "updated_at"));
    }
}
