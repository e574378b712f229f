package io.callrecords.directory;

import io.callrecords.shared.Page;
import io.callrecords.shared.ListQuery;
import io.callrecords.directory.DirectoryNumbers.Owner;
import io.callrecords.shared.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code companies} table, with each company's numbers from {@link DirectoryNumbers}. */
@Repository
class Companies {

    private static final String COLUMNS = "c.id, c.name, c.created_at, c.updated_at, " + Owner.COMPANY.numbersOf("c");

    private final JdbcClient jdbc;
    private final DirectoryNumbers numbers;

    Companies(JdbcClient jdbc, DirectoryNumbers numbers) {
        this.jdbc = jdbc;
        this.numbers = numbers;
    }

    Optional<Company> find(long accountId, long id) {
        return select(accountId, id, "");
    }

    /** The company, its row locked until the transaction ends (no contact can join it meanwhile). */
    Optional<Company> lock(long accountId, long id) {
        return select(accountId, id, " FOR UPDATE OF c");
    }

    /**
     * Which of the ids are companies of the account. They are locked against deletion until the transaction ends,
     * so that contacts written in it can name them.
     */
    Set<Long> holdExisting(long accountId, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("SELECT id FROM companies WHERE account_id = :account AND id = ANY (:ids::bigint[])"
                        + " ORDER BY id FOR KEY SHARE")
                .param("account", accountId)
                .param("ids", ids.toArray(Long[]::new))
                .query(Long.class)
                .list());
    }

    Page<Company> list(long accountId, ListQuery query) {
        Map<String, Object> params = new HashMap<>(Map.of("account", accountId));
        String where = Owner.COMPANY.where(query, params);
        long count = jdbc.sql("SELECT count(*) FROM companies c WHERE " + where).params(params).query(Long.class).single();
        params.put("limit", query.limit());
        params.put("offset", query.offset());
        List<Company> items = jdbc.sql("SELECT " + COLUMNS + " FROM companies c WHERE " + where
                        + " ORDER BY c.id LIMIT :limit OFFSET :offset")
                .params(params)
                .query(Companies::map)
                .list();
        return new Page<>(items, count);
    }

    /** Adds the companies and their numbers in a few statements whatever their count; returns their ids in order. */
    List<Long> insert(long accountId, List<CompanyFields> companies) {
        if (companies.isEmpty()) {
            return List.of();
        }
        List<Long> ids = jdbc.sql("SELECT nextval(pg_get_serial_sequence('companies', 'id')) FROM generate_series(1, :n)")
                .param("n", companies.size())
                .query(Long.class)
                .list().stream().sorted().toList();
        jdbc.sql("INSERT INTO companies (account_id, id, name) OVERRIDING SYSTEM VALUE"
                        + " SELECT :account, i, n FROM unnest(:ids::bigint[], :names::text[]) AS t (i, n)")
                .param("account", accountId)
                .param("ids", ids.toArray(Long[]::new))
                .param("names", companies.stream().map(CompanyFields::name).toArray(String[]::new))
                .update();
        numbers.insert(accountId, Owner.COMPANY, ids, companies.stream().map(CompanyFields::phoneNumbers).toList());
        return ids;
    }

    void update(long accountId, long id, CompanyFields fields) {
        jdbc.sql("UPDATE companies SET name = :name, updated_at = now() WHERE account_id = :account AND id = :id")
                .param("account", accountId)
                .param("id", id)
                .param("name", fields.name())
                .update();
        numbers.replace(accountId, Owner.COMPANY, id, fields.phoneNumbers());
    }

    /** Deletes the company; its numbers go with it. Its contacts must have left it first. */
    void delete(long accountId, long id) {
        jdbc.sql("DELETE FROM companies WHERE account_id = :account AND id = :id")
                .param("account", accountId)
                .param("id", id)
                .update();
    }

    private Optional<Company> select(long accountId, long id, String lock) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM companies c WHERE c.account_id = :account AND c.id = :id" + lock)
                .param("account", accountId)
                .param("id", id)
                .query(Companies::map)
                .optional();
    }

    private static Company map(ResultSet rs, int row) throws SQLException {
        return new Company(rs.getLong("id"), rs.getString("name"), Contacts.numbers(rs),
                Timestamps.fromDb(rs, "created_at"), Timestamps.fromDb(rs, "updated_at"));
    }
}
