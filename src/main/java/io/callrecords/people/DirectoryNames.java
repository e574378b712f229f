package io.callrecords.people;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The names of the account's directory entries, for the other modules: every kind asked for in one query, so that a
 * page of calls costs one round trip for all its names.
 */
@Service
public class DirectoryNames {

    private final JdbcClient db;

    DirectoryNames(JdbcClient db) {
        this.db = db;
    }

    /** The names of these entries of the account; ids it has no entry for are absent. */
    public EntryNames of(long accountId, EntryNames.Wanted wanted) {
        if (wanted.isEmpty()) {
            return EntryNames.NONE;
        }
        List<String> selects = new ArrayList<>();
        var statement = new HashMap<String, Object>();
        statement.put("account", accountId);
        for (Map.Entry<EntryKind, Set<Long>> entry : wanted.ids().entrySet()) {
            EntryKind kind = entry.getKey();
            // An extension has no name of its own: its short number is what people call it. An account number's line
            // is read beside its name ("Main line (+90 212 555 01 00)").
            String name = kind == EntryKind.EXTENSION ? "number" : "name";
            String number = kind == EntryKind.NUMBER ? "number" : "NULL::text";
            selects.add("SELECT '" + kind.name() + "' AS kind, id, " + name + " AS name, " + number + " AS number,"
                    + " deleted_at IS NOT NULL AS deleted"
                    + " FROM " + kind.table() + " WHERE account_id = :account AND id = ANY(:" + kind.name() + ")");
            statement.put(kind.name(), entry.getValue().toArray(Long[]::new));
        }
        Map<EntryKind, Map<Long, EntryNames.Name>> names = new EnumMap<>(EntryKind.class);
        db.sql(String.join("\nUNION ALL\n", selects)).params(statement).query(rs -> {
            names.computeIfAbsent(EntryKind.valueOf(rs.getString("kind")), k -> new HashMap<>())
                    .put(rs.getLong("id"), new EntryNames.Name(rs.getString("name"), rs.getBoolean("deleted"),
                            rs.getString("number")));
        });
        return new EntryNames(names);
    }
}
