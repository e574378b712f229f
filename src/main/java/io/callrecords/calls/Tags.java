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
 * The account's tags: a name (unique in the account whatever its case) and a colour. Changing the list needs the
 * {@code admin} scope; a tag removed from the account leaves every call that carried it, and each of those calls
 * changes ({@code call_updated}).
 */
@Service
public class Tags {

    public record Tag(long id, String name, String color, String description, Instant createdAt, Instant updatedAt) {}

    static final String DEFAULT_COLOR = "#6b7280";
    static final String COLUMNS = "id, name, color, description, created_at, updated_at";

    private final JdbcClient jdbc;
    private final NotedCalls calls;

    Tags(JdbcClient jdbc, NotedCalls calls) {
        this.jdbc = jdbc;
        this.calls = calls;
    }

    /** Every tag of the account, by name. */
    public List<Tag> all(long accountId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM tags WHERE account_id = :account ORDER BY lower(name), id")
                .param("account", accountId).query((rs, n) -> read(rs)).list();
    }

    /** A page of the account's tags in the order of {@link #all}, and the number of all of them. */
    @Transactional(readOnly = true)
    public Listed<Tag> page(long accountId, int limit, long offset) {
        List<Tag> page = jdbc.sql("SELECT " + COLUMNS + " FROM tags WHERE account_id = :account ORDER BY lower(name), id"
                        + " LIMIT :limit OFFSET :offset")
                .param("account", accountId).param("limit", limit).param("offset", offset)
                .query((rs, n) -> read(rs)).list();
        long count = jdbc.sql("SELECT count(*) FROM tags WHERE account_id = :account").param("account", accountId)
                .query(Long.class).single();
        return new Listed<>(page, count);
    }

    Tag get(long accountId, long id) {
        return find(accountId, id).orElseThrow(ApiException::notFound);
    }

    Optional<Tag> find(long accountId, long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM tags WHERE account_id = :account AND id = :id")
                .param("account", accountId).param("id", id).query((rs, n) -> read(rs)).optional();
    }

    /** {@code {"name", "color"?, "description"?}}. */
    @Transactional
    public Tag create(Caller caller, Map<String, Object> body) {
        caller.require(Scope.ADMIN);
        FieldErrors errors = new FieldErrors();
        String name = NoteFields.text(body.get("name"), "name", NoteFields.MAX_NAME_LENGTH, errors);
        String color = body.get("color") == null ? DEFAULT_COLOR : NoteFields.color(body.get("color"), "color", errors);
        String description = NoteFields.optionalText(body.get("description"), "description",
                NoteFields.MAX_DESCRIPTION_LENGTH, errors);
        errors.throwIfAny();
        return unique(name, () -> jdbc.sql("INSERT INTO tags (account_id, name, color, description)"
                        + " VALUES (:account, :name, :color, :description) RETURNING " + COLUMNS)
                .param("account", caller.accountId()).param("name", name).param("color", color)
                .param("description", description)
                .query((rs, n) -> read(rs)).single());
    }

    /** Any subset of the fields of {@link #create}; the others stay. */
    @Transactional
    public Tag update(Caller caller, long id, Map<String, Object> body) {
        caller.require(Scope.ADMIN);
        Tag tag = get(caller.accountId(), id);
        FieldErrors errors = new FieldErrors();
        String name = body.containsKey("name")
                ? NoteFields.text(body.get("name"), "name", NoteFields.MAX_NAME_LENGTH, errors) : tag.name();
        String color = body.containsKey("color") ? NoteFields.color(body.get("color"), "color", errors) : tag.color();
        String description = body.containsKey("description") ? NoteFields.optionalText(body.get("description"),
                "description", NoteFields.MAX_DESCRIPTION_LENGTH, errors) : tag.description();
        errors.throwIfAny();
        return unique(name, () -> jdbc.sql("UPDATE tags SET name = :name, color = :color, description = :description,"
                        + " updated_at = now() WHERE account_id = :account AND id = :id RETURNING " + COLUMNS)
                .param("account", caller.accountId()).param("id", id).param("name", name).param("color", color)
                .param("description", description)
                .query((rs, n) -> read(rs)).single());
    }

    /** Removes the tag from the account and from every call that carried it; answers it as it was. */
    @Transactional
    public Tag delete(Caller caller, long id) {
        caller.require(Scope.ADMIN);
        Tag tag = get(caller.accountId(), id);
        List<UUID> tagged = jdbc.sql("SELECT call_uuid FROM call_tags WHERE account_id = :account AND tag_id = :id")
                .param("account", caller.accountId()).param("id", id).query(UUID.class).list();
        calls.lock(caller.accountId(), tagged);
        jdbc.sql("DELETE FROM tags WHERE account_id = :account AND id = :id") // call_tags follow (ON DELETE CASCADE)
                .param("account", caller.accountId()).param("id", id).update();
        calls.changed(caller.accountId(), tagged);
        return tag;
    }

    /** Runs a write of {@code name}; a name the account already has (any case) is a 422 naming it. */
    private static Tag unique(String name, java.util.function.Supplier<Tag> write) {
        try {
            return write.get();
        } catch (DuplicateKeyException e) {
            throw ValidationException.of("name", "'" + name + "' is already a tag of this account");
        }
    }

    static Tag read(ResultSet rs) throws SQLException {
        return new Tag(rs.getLong("id"), rs.getString("name"), rs.getString("color"), rs.getString("description"),
                Timestamps.fromDb(rs, "created_at"), Timestamps.fromDb(rs, "updated_at"));
    }
}
