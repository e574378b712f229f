package io.callrecords.directory;

import io.callrecords.shared.ListQuery;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code directory_numbers} table: the E.164 numbers of contacts and companies, in each owner's order. */
@Repository
class DirectoryNumbers {

    /** Whose numbers: the column that holds the owner's id. */
    enum Owner {
        CONTACT("contact_id"), COMPANY("company_id");

        final String column;

        Owner(String column) {
            this.column = column;
        }

        /** A select-list item: the numbers of the owner row aliased {@code alias}, as a text array. */
        String numbersOf(String alias) {
            return "ARRAY(SELECT n.number FROM directory_numbers n WHERE n.account_id = " + alias + ".account_id"
                    + " AND n." + column + " = " + alias + ".id ORDER BY n.position) AS phone_numbers";
        }

        /** A condition: the owner row aliased {@code alias} has a number matching the LIKE pattern {@code :digits}. */
        /**
         * The WHERE condition on these owners, aliased {@code c}, that matches the list's query in the account
         * {@code :account}: {@code q} inside names (any case) or, by its digits, inside their numbers; adds the
         * parameters it uses to {@code params}.
         */
        String where(ListQuery query, Map<String, Object> params) {
            if (query.q() == null) {
                return "c.account_id = :account";
            }
            params.put("name", query.namePattern());
            String digits = query.digitsPattern();
            if (digits == null) {
                return "c.account_id = :account AND c.name ILIKE :name";
            }
            params.put("digits", digits);
            return "c.account_id = :account AND (c.name ILIKE :name OR " + hasNumberLike("c") + ")";
        }

        String hasNumberLike(String alias) {
            return "EXISTS (SELECT 1 FROM directory_numbers n WHERE n.account_id = " + alias + ".account_id"
                    + " AND n." + column + " = " + alias + ".id AND n.number LIKE :digits)";
        }
    }

    private final JdbcClient jdbc;

    DirectoryNumbers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds the numbers of many owners in one statement: {@code numbers.get(i)} belong to {@code ownerIds.get(i)}. */
    void insert(long accountId, Owner owner, List<Long> ownerIds, List<List<String>> numbers) {
        List<Long> owners = new ArrayList<>();
        List<String> values = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < ownerIds.size(); i++) {
            List<String> list = numbers.get(i);
            for (int position = 0; position < list.size(); position++) {
                owners.add(ownerIds.get(i));
                values.add(list.get(position));
                positions.add(position);
            }
        }
        if (owners.isEmpty()) {
            return;
        }
        jdbc.sql("INSERT INTO directory_numbers (account_id, " + owner.column + ", number, position)"
                        + " SELECT :account, o, n, p FROM unnest(:owners::bigint[], :numbers::text[], :positions::int[])"
                        + " AS t (o, n, p)")
                .param("account", accountId)
                .param("owners", owners.toArray(Long[]::new))
                .param("numbers", values.toArray(String[]::new))
                .param("positions", positions.toArray(Integer[]::new))
                .update();
    }

    /** Replaces the whole list of one owner. */
    void replace(long accountId, Owner owner, long ownerId, List<String> numbers) {
        jdbc.sql("DELETE FROM directory_numbers WHERE account_id = :account AND " + owner.column + " = :owner")
                .param("account", accountId)
                .param("owner", ownerId)
                .update();
        insert(accountId, owner, List.of(ownerId), List.of(numbers));
    }

    /**
     * Who has each of the numbers, in one query: the contact with the lowest id (and its company) if a contact has
     * it, else the company with the lowest id (call-records.md §3.9). Numbers nobody has are absent.
     */
    Map<String, Directory.NumberOwner> owners(long accountId, Collection<String> numbers) {
        Map<String, Directory.NumberOwner> owners = new HashMap<>();
        jdbc.sql("""
                        SELECT DISTINCT ON (n.number) n.number, n.contact_id, coalesce(c.company_id, n.company_id) AS company_id
                        FROM directory_numbers n
                        LEFT JOIN contacts c ON c.account_id = n.account_id AND c.id = n.contact_id
                        WHERE n.account_id = :account AND n.number = ANY (:numbers::text[])
                        ORDER BY n.number, n.contact_id IS NULL, coalesce(n.contact_id, n.company_id)""")
                .param("account", accountId)
                .param("numbers", numbers.toArray(String[]::new))
                .query(rs -> {
                    owners.put(rs.getString("number"), new Directory.NumberOwner(
                            rs.getObject("contact_id", Long.class), rs.getObject("company_id", Long.class)));
                });
        return owners;
    }
}
