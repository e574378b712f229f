package io.callrecords.directory;

import io.callrecords.shared.Page;
import io.callrecords.shared.ListQuery;
import io.callrecords.directory.DirectoryNumbers.Owner;
import io.callrecords.shared.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code contacts} table, with each contact's numbers from {@link DirectoryNumbers}. */
@Repository
class Contacts {

    private static final String COLUMNS = "c.id, c.name, c.email, c.company_id, c.created_at, c.updated_at, "
            + Owner.CONTACT.numbersOf("c");

    private final JdbcClient jdbc;
    private final DirectoryNumbers numbers;

    Contacts(JdbcClient jdbc, DirectoryNumbers numbers) {
        this.jdbc = jdbc;
        this.numbers = numbers;
    }

    Optional<Contact> find(long accountId, long id) {
        return select(accountId, id, "");
    }

    /** The contact, its row locked until the transaction ends (changes to one contact run one after another). */
    Optional<Contact> lock(long accountId, long id) {
        return select(accountId, id, " FOR UPDATE OF c");
    }

    Page<Contact> list(long accountId, ListQuery query) {
        Map<String, Object> params = new HashMap<>(Map.of("account", accountId));
        String where = Owner.CONTACT.where(query, params);
        long count = jdbc.sql("SELECT count(*) FROM contacts c WHERE " + where).params(params).query(Long.class).single();
        params.put("limit", query.limit());
        params.put("offset", query.offset());
        List<Contact> items = jdbc.sql("SELECT " + COLUMNS + " FROM contacts c WHERE " + where
                        + " ORDER BY c.id LIMIT :limit OFFSET :offset")
                .params(params)
                .query(Contacts::map)
                .list();
        return new Page<>(items, count);
    }

    /** Adds the contacts and their numbers in a few statements whatever their count; returns their ids in order. */
    List<Long> insert(long accountId, List<ContactFields> contacts) {
        if (contacts.isEmpty()) {
            return List.of();
        }
        List<Long> ids = jdbc.sql("SELECT nextval(pg_get_serial_sequence('contacts', 'id')) FROM generate_series(1, :n)")
                .param("n", contacts.size())
                .query(Long.class)
                .list().stream().sorted().toList();
        jdbc.sql("INSERT INTO contacts (account_id, id, name, email, company_id) OVERRIDING SYSTEM VALUE"
                        + " SELECT :account, i, n, e, c"
                        + " FROM unnest(:ids::bigint[], :names::text[], :emails::text[], :companies::bigint[]) AS t (i, n, e, c)")
                .param("account", accountId)
                .param("ids", ids.toArray(Long[]::new))
                .param("names", contacts.stream().map(ContactFields::name).toArray(String[]::new))
                .param("emails", contacts.stream().map(ContactFields::email).toArray(String[]::new))
                .param("companies", contacts.stream().map(ContactFields::companyId).toArray(Long[]::new))
                .update();
        numbers.insert(accountId, Owner.CONTACT, ids, contacts.stream().map(ContactFields::phoneNumbers).toList());
        return ids;
    }

    void update(long accountId, long id, ContactFields fields) {
        jdbc.sql("UPDATE contacts SET name = :name, email = :email, company_id = :company, updated_at = now()"
                        + " WHERE account_id = :account AND id = :id")
                .param("account", accountId)
                .param("id", id)
                .param("name", fields.name())
                .param("email", fields.email())
                .param("company", fields.companyId())
                .update();
        numbers.replace(accountId, Owner.CONTACT, id, fields.phoneNumbers());
    }

    /** Deletes the contact; its numbers go with it. */
    void delete(long accountId, long id) {
        jdbc.sql("DELETE FROM contacts WHERE account_id = :account AND id = :id")
                .param("account", accountId)
                .param("id", id)
                .update();
    }

    /** The contacts of a company that is going away keep existing, without a company. */
    void leaveCompany(long accountId, long companyId) {
        jdbc.sql("UPDATE contacts SET company_id = NULL, updated_at = now()"
                        + " WHERE account_id = :account AND company_id = :company")
                .param("account", accountId)
                .param("company", companyId)
                .update();
    }

    /** Contacts as owners of numbers, keyed by id: each one's id and its company's; unknown ids are absent. */
    Map<Long, Directory.NumberOwner> owners(long accountId, Collection<Long> ids) {
        Map<Long, Directory.NumberOwner> owners = new HashMap<>();
        jdbc.sql("SELECT id, company_id FROM contacts WHERE account_id = :account AND id = ANY (:ids::bigint[])")
                .param("account", accountId)
                .param("ids", ids.toArray(Long[]::new))
                .query(rs -> {
                    owners.put(rs.getLong("id"),
                            new Directory.NumberOwner(rs.getLong("id"), rs.getObject("company_id", Long.class)));
                });
        return owners;
    }

    private Optional<Contact> select(long accountId, long id, String lock) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM contacts c WHERE c.account_id = :account AND c.id = :id" + lock)
                .param("account", accountId)
                .param("id", id)
                .query(Contacts::map)
                .optional();
    }

    private static Contact map(ResultSet rs, int row) throws SQLException {
        return new Contact(rs.getLong("id"), rs.getString("name"), rs.getString("email"),
                rs.getObject("company_id", Long.class), numbers(rs), Timestamps.fromDb(rs, "created_at"),
                Timestamps.fromDb(rs, "updated_at"));
    }

    static List<String> numbers(ResultSet rs) throws SQLException {
        return Arrays.asList((String[]) rs.getArray("phone_numbers").getArray());
    }
}
