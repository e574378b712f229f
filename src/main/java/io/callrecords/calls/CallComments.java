package io.callrecords.calls;

import io.callrecords.accounts.Caller;
import io.callrecords.people.DirectoryNames;
import io.callrecords.people.EntryKind;
import io.callrecords.people.EntryNames;
import io.callrecords.shared.FieldErrors;
import io.callrecords.shared.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Comments on calls: written by a person (their user id kept, their name read from the directory when shown) or by
 * an account key (no author). A comment is never changed or removed through the API.
 */
@Service
public class CallComments {

    /** One comment; {@code userName} is the directory's label of the author, null when unknown or none. */
    public record Comment(long id, UUID call, Long userId, String userName, String content, Instant createdAt,
                          Instant updatedAt) {}

    private static final String COLUMNS = "id, call_uuid, user_id, content, created_at, updated_at";

    private final JdbcClient jdbc;
    private final NotedCalls calls;
    private final DirectoryNames names;

    CallComments(JdbcClient jdbc, NotedCalls calls, DirectoryNames names) {
        this.jdbc = jdbc;
        this.calls = calls;
        this.names = names;
    }

    /** Writes {@code content} (the raw value of the body's field) on the call as the caller. */
    @Transactional
    public Comment add(Caller caller, UUID call, Object content) {
        FieldErrors errors = new FieldErrors();
        String text = NoteFields.text(content, "content", NoteFields.MAX_COMMENT_LENGTH, errors);
        errors.throwIfAny();
        calls.lockForChange(caller, call);
        Comment written = jdbc.sql("INSERT INTO call_comments (account_id, call_uuid, user_id, content)"
                        + " VALUES (:account, :call, :user, :content) RETURNING " + COLUMNS)
                .param("account", caller.accountId()).param("call", call).param("user", caller.userId())
                .param("content", text)
                .query((rs, n) -> read(rs)).single();
        calls.changed(caller.accountId(), List.of(call));
        return named(caller.accountId(), List.of(written)).getFirst();
    }

    /** The call's comments, oldest first unless {@code newestFirst}, with their authors' names. */
    @Transactional(readOnly = true)
    public Listed<Comment> list(Caller caller, UUID call, int limit, long offset, boolean newestFirst) {
        calls.requireVisible(caller, call);
        String order = newestFirst ? "created_at DESC, id DESC" : "created_at, id";
        List<Comment> page = jdbc.sql("SELECT " + COLUMNS + " FROM call_comments WHERE account_id = :account"
                        + " AND call_uuid = :call ORDER BY " + order + " LIMIT :limit OFFSET :offset")
                .param("account", caller.accountId()).param("call", call).param("limit", limit).param("offset", offset)
                .query((rs, n) -> read(rs)).list();
        long count = offset == 0 && page.size() < limit ? page.size()
                : jdbc.sql("SELECT count(*) FROM call_comments WHERE account_id = :account AND call_uuid = :call")
                        .param("account", caller.accountId()).param("call", call).query(Long.class).single();
        return new Listed<>(named(caller.accountId(), page), count);
    }

    private List<Comment> named(long accountId, List<Comment> comments) {
        EntryNames authors = names.of(accountId, new EntryNames.Wanted().addAll(EntryKind.USER,
                comments.stream().map(Comment::userId).toList()));
        return comments.stream().map(c -> new Comment(c.id(), c.call(), c.userId(),
                authors.label(EntryKind.USER, c.userId()), c.content(), c.createdAt(), c.updatedAt())).toList();
    }

    private static Comment read(ResultSet rs) throws SQLException {
        Long user = rs.getObject("user_id", Long.class);
        return new Comment(rs.getLong("id"), rs.getObject("call_uuid", UUID.class), user, null,
                rs.getString("content"), Timestamps.fromDb(rs, "created_at"), Timestamps.fromDb(rs, "updated_at"));
    }
}
