package io.callrecords.directory;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The names of contacts and companies by id, both kinds in one query. */
@Repository
class OwnerNames {

    private final JdbcClient jdbc;

    OwnerNames(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Directory.Names of(long accountId, Collection<Long> contactIds, Collection<Long> companyIds) {
        Map<Long, String> contacts = new HashMap<>();
        Map<Long, String> companies = new HashMap<>();
        jdbc.sql("""
                        SELECT true AS contact, id, name FROM contacts WHERE account_id = :account AND id = ANY(:contacts)
                        UNION ALL
                        SELECT false, id, name FROM companies WHERE account_id = :account AND id = ANY(:companies)""")
                .param("account", accountId)
                .param("contacts", ids(contactIds))
                .param("companies", ids(companyIds))
                .query(rs -> {
                    (rs.getBoolean("contact") ? contacts : companies).put(rs.getLong("id"), rs.getString("name"));
                });
        return new Directory.Names(contacts, companies);
    }

    private static Long[] ids(Collection<Long> ids) {
        return ids.stream().filter(Objects::nonNull).distinct().toArray(Long[]::new);
    }
}
