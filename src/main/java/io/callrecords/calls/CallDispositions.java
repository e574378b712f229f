package io.callrecords.calls;

import io.callrecords.accounts.Caller;
import io.callrecords.people.DirectoryNames;
import io.callrecords.people.EntryKind;
import io.callrecords.people.EntryNames;
import io.callrecords.shared.FieldErrors;
import io.callrecords.shared.Timestamps;
import io.callrecords.shared.ValidationException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A call's disposition (its outcome code): at most one, set by code or by id, changed or cleared. */
@Service
public class CallDispositions {

    /** The call's disposition, who set it ({@code userName} from the directory; null for an account key) and when. */
    public record Given(Dispositions.Disposition disposition, Long userId, String userName, Instant setAt) {}

    private final JdbcClient jdbc;
    private final NotedCalls calls;
    private final Dispositions dispositions;
    private final DirectoryNames names;

    CallDispositions(JdbcClient jdbc, NotedCalls calls, Dispositions dispositions, DirectoryNames names) {
        this.jdbc = jdbc;
        this.calls = calls;
        this.dispositions = dispositions;
        this.names = names;
    }

    @Transactional(readOnly = true)
    public Optional<Given> of(Caller caller, UUID call) {
        calls.requireVisible(caller, call);
        return read(caller.accountId(), call);
    }

    /**
     * Sets the disposition from a body with {@code disposition_code} or {@code disposition_id} (one of them, not
     * both); a code or id the account does not have is a 422 naming the field. Setting the one it has changes nothing.
     */
    @Transactional
    public Given set(Caller caller, UUID call, Map<String, Object> body) {
        Dispositions.Disposition chosen = chosen(caller.accountId(), body);
        calls.lockForChange(caller, call);
        int changed;
        try {
            changed = jdbc.sql("""
                            INSERT INTO call_dispositions (account_id, call_uuid, disposition_id, user_id)
                            VALUES (:account, :call, :disposition, :user)
                            ON CONFLICT (account_id, call_uuid) DO UPDATE
                              SET disposition_id = excluded.disposition_id, user_id = excluded.user_id, set_at = now()
                              WHERE call_dispositions.disposition_id <> excluded.disposition_id""")
                    .param("account", caller.accountId()).param("call", call).param("disposition", chosen.id())
                    .param("user", caller.userId()).update();
        } catch (DataIntegrityViolationException e) { // the code was deleted since it was found
            throw ValidationException.of(body.get("disposition_code") != null ? "disposition_code" : "disposition_id",
                    "is no longer a disposition of this account");
        }
        if (changed > 0) {
            calls.changed(caller.accountId(), List.of(call));
        }
        return read(caller.accountId(), call).orElseThrow();
    }

    /** Clears the call's disposition; nothing to do when it has none. */
    @Transactional
    public void clear(Caller caller, UUID call) {
        calls.lockForChange(caller, call);
        int cleared = jdbc.sql("DELETE FROM call_dispositions WHERE account_id = :account AND call_uuid = :call")
                .param("account", caller.accountId()).param("call", call).update();
        if (cleared > 0) {
            calls.changed(caller.accountId(), List.of(call));
        }
    }

    private Dispositions.Disposition chosen(long accountId, Map<String, Object> body) {
        Object code = body.get("disposition_code");
        Object id = body.get("disposition_id");
        if ((code == null) == (id == null)) {
            String problem = code == null ? "give disposition_code or disposition_id"
                    : "give disposition_code or disposition_id, not both";
            FieldErrors errors = new FieldErrors();
            errors.add("disposition_code", problem);
            errors.add("disposition_id", problem);
            errors.throwIfAny();
        }
        FieldErrors errors = new FieldErrors();
        if (code != null) {
            String wanted = NoteFields.code(code, "disposition_code", errors);
            errors.throwIfAny();
            return dispositions.find(accountId, "code", wanted).orElseThrow(() -> ValidationException.of(
                    "disposition_code", "'" + wanted + "' is not a disposition code of this account"));
        }
        Long wanted = NoteFields.id(id, "disposition_id", "one of the account's dispositions", errors);
        errors.throwIfAny();
        return dispositions.find(accountId, "id", wanted).orElseThrow(() -> ValidationException.of(
                "disposition_id", wanted + " is not a disposition of this account"));
    }

    private Optional<Given> read(long accountId, UUID call) {
        Optional<Given> given = jdbc.sql("""
                        SELECT d.id, d.code, d.name, d.created_at, d.updated_at, cd.user_id, cd.set_at
                        FROM call_dispositions cd JOIN dispositions d ON d.account_id = cd.account_id AND d.id = cd.disposition_id
                        WHERE cd.account_id = :account AND cd.call_uuid = :call""")
                .param("account", accountId).param("call", call)
                .query((rs, n) -> new Given(Dispositions.read(rs), rs.getObject("user_id", Long.class), null,
                        Timestamps.fromDb(rs, "set_at")))
                .optional();
        return given.map(g -> new Given(g.disposition(), g.userId(), g.userId() == null ? null
                : names.of(accountId, new EntryNames.Wanted().add(EntryKind.USER, g.userId()))
                        .label(EntryKind.USER, g.userId()), g.setAt()));
    }
}
