package io.callrecords.calls;

import io.callrecords.accounts.Caller;
import io.callrecords.shared.ApiException;
import io.callrecords.shared.FieldErrors;
import io.callrecords.shared.ValidationException;
import java.util.List;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The tags on a call: any of the account's tags, each at most once; adding one twice changes nothing. */
@Service
public class CallTags {

    /** What adding a tag did: the call's tags after it, and whether the tag was new on the call. */
    public record Added(List<Tags.Tag> tags, boolean added) {}

    private final JdbcClient jdbc;
    private final NotedCalls calls;
    private final Tags tags;

    CallTags(JdbcClient jdbc, NotedCalls calls, Tags tags) {
        this.jdbc = jdbc;
        this.calls = calls;
        this.tags = tags;
    }

    /** The call's tags, by name. */
    @Transactional(readOnly = true)
    public List<Tags.Tag> of(Caller caller, UUID call) {
        calls.requireVisible(caller, call);
        return read(caller.accountId(), call);
    }

    /** Adds the tag {@code tagId} (the raw value of the body's {@code tag_id}); one of another account is a 422. */
    @Transactional
    public Added add(Caller caller, UUID call, Object tagId) {
        FieldErrors errors = new FieldErrors();
        Long id = NoteFields.id(tagId, "tag_id", "one of the account's tags", errors);
        errors.throwIfAny();
        calls.lockForChange(caller, call);
        if (tags.find(caller.accountId(), id).isEmpty()) {
            throw ValidationException.of("tag_id", id + " is not a tag of this account");
        }
        int added;
        try {
            added = jdbc.sql("INSERT INTO call_tags (account_id, call_uuid, tag_id, user_id)"
                            + " VALUES (:account, :call, :tag, :user) ON CONFLICT DO NOTHING")
                    .param("account", caller.accountId()).param("call", call).param("tag", id)
                    .param("user", caller.userId()).update();
        } catch (DataIntegrityViolationException e) { // the tag was deleted since it was found
            throw ValidationException.of("tag_id", id + " is not a tag of this account");
        }
        if (added > 0) {
            calls.changed(caller.accountId(), List.of(call));
        }
        return new Added(read(caller.accountId(), call), added > 0);
    }

    /** Takes the tag off the call (nothing to do when it is not on it); a tag the account does not have is 404. */
    @Transactional
    public void remove(Caller caller, UUID call, long tagId) {
        calls.lockForChange(caller, call);
        if (tags.find(caller.accountId(), tagId).isEmpty()) {
            throw ApiException.notFound();
        }
        int removed = jdbc.sql("DELETE FROM call_tags WHERE account_id = :account AND call_uuid = :call AND tag_id = :tag")
                .param("account", caller.accountId()).param("call", call).param("tag", tagId).update();
        if (removed > 0) {
            calls.changed(caller.accountId(), List.of(call));
        }
    }

    private List<Tags.Tag> read(long accountId, UUID call) {
        return jdbc.sql("SELECT t.id, t.name, t.color, t.description, t.created_at, t.updated_at FROM call_tags ct"
                        + " JOIN tags t ON t.account_id = ct.account_id AND t.id = ct.tag_id"
                        + " WHERE ct.account_id = :account AND ct.call_uuid = :call ORDER BY lower(t.name), t.id")
                .param("account", accountId).param("call", call).query((rs, n) -> Tags.read(rs)).list();
    }
}
