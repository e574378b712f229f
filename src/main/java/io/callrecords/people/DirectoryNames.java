package io.callrecords.people;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
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
        Statement statement = statement(accountId, wanted);
        Map<EntryKind, Map<Long, EntryNames.Name>> names = new EnumMap<>(EntryKind.class);
        db.sql(statement.sql()).params(statement.params()).query(rs -> {
            names.computeIfAbsent(EntryKind.valueOf(rs.getString("kind")), k -> new HashMap<>())
                    .put(rs.getLong("id"), new EntryNames.Name(rs.getString("name"), rs.getBoolean("deleted"),
                            international(rs.getString("number"))));
        });
        return new EntryNames(names);
    }

    /**
     * An E.164 number grouped as people write it, once a lookup (not once a row that shows it); as stored when it
     * does not parse.
     */
    private static String international(String e164) {
        if (e164 == null) {
            return null;
        }
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        try {
            return util.format(util.parse(e164, "ZZ"), PhoneNumberUtil.PhoneNumberFormat.INTERNATIONAL);
        } catch (NumberParseException e) {
            return e164;
        }
    }

    /** The one query for every kind asked for, with its named parameters. */
    record Statement(String sql, Map<String, Object> params) {}

    /** One select a kind, each a probe of the kind's primary key (account_id, id) with the ids as an array. */
    static Statement statement(long accountId, EntryNames.Wanted wanted) {
        List<String> selects = new ArrayList<>();
        var params = new HashMap<String, Object>();
        params.put("account", accountId);
        for (Map.Entry<EntryKind, Set<Long>> entry : wanted.ids().entrySet()) {
            EntryKind kind = entry.getKey();
            // An extension has no name of its own: its short number is what people call it. An account number's line
            // is read beside its name ("Main line (+90 212 555 01 00)").
            String name = kind == EntryKind.EXTENSION ? "number" : "name";
            String number = kind == EntryKind.NUMBER ? "number" : "NULL::text";
            selects.add("SELECT '" + kind.name() + "' AS kind, id, " + name + " AS name, " + number + " AS number,"
                    + " deleted_at IS NOT NULL AS deleted"
                    + " FROM " + kind.table() + " WHERE account_id = :account AND id = ANY(:" + kind.name() + ")");
            params.put(kind.name(), entry.getValue().toArray(Long[]::new));
        }
        return new Statement(String.join("\nUNION ALL\n", selects), params);
    }
}
