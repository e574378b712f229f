package io.callrecords.directory;

import static org.assertj.core.api.Assertions.assertThat;

import io.callrecords.directory.Directory.NumberOwner;
import io.callrecords.support.AppTestSupport;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The lookup the calls module uses (call-records.md §3.9), against data written through the API. */
class DirectoryLookupTest extends AppTestSupport {

    private static final String SHARED_WITH_COMPANY = "+905321110001";
    private static final String TWO_CONTACTS = "+905321110002";
    private static final String TWO_COMPANIES = "+902125550003";
    private static final String NOBODY = "+905321110004";

    @Autowired
    Directory directory;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void contactsBeatCompaniesAndTheLowestIdWins() {
        String key = newAccount("lookup");
        long account = accountId("lookup");
        // The lower ids get their numbers last, so that neither insertion order nor position decides.
        long firstCompany = create(key, "companies", "{\"name\": \"First Co\"}");
        long secondCompany = create(key, "companies", "{\"name\": \"Second Co\", \"phone_numbers\": [\"%s\", \"%s\"]}"
                .formatted(TWO_COMPANIES, SHARED_WITH_COMPANY));
        api.patch("/api/v3/companies/" + firstCompany, key, "{\"phone_numbers\": [\"%s\"]}".formatted(TWO_COMPANIES));
        long loneContact = create(key, "contacts", "{\"name\": \"Lone\", \"phone_numbers\": [\"%s\"]}"
                .formatted(SHARED_WITH_COMPANY));
        long firstContact = create(key, "contacts", "{\"name\": \"First\", \"company_id\": %d}".formatted(secondCompany));
        create(key, "contacts", "{\"name\": \"Second\", \"company_id\": %d, \"phone_numbers\": [\"%s\"]}"
                .formatted(firstCompany, TWO_CONTACTS));
        api.patch("/api/v3/contacts/" + firstContact, key, "{\"phone_numbers\": [\"+905329999999\", \"%s\"]}"
                .formatted(TWO_CONTACTS));

        Map<String, NumberOwner> owners = directory.ownersOf(account,
                List.of(SHARED_WITH_COMPANY, TWO_CONTACTS, TWO_COMPANIES, NOBODY));

        assertThat(owners).containsOnlyKeys(SHARED_WITH_COMPANY, TWO_CONTACTS, TWO_COMPANIES);
        assertThat(owners.get(SHARED_WITH_COMPANY)).isEqualTo(new NumberOwner(loneContact, null));
        assertThat(owners.get(TWO_CONTACTS)).isEqualTo(new NumberOwner(firstContact, secondCompany));
        assertThat(owners.get(TWO_COMPANIES)).isEqualTo(new NumberOwner(null, firstCompany));
        assertThat(directory.ownersOf(account, List.of())).isEmpty();

        assertThat(directory.contact(account, firstContact)).contains(new NumberOwner(firstContact, secondCompany));
        assertThat(directory.contact(account, loneContact)).contains(new NumberOwner(loneContact, null));
        assertThat(directory.contact(account, 987_654_321L)).isEmpty();
        assertThat(directory.contacts(account, List.of(firstContact, loneContact, 987_654_321L))).isEqualTo(Map.of(
                firstContact, new NumberOwner(firstContact, secondCompany), loneContact, new NumberOwner(loneContact, null)));
        assertThat(directory.contacts(account, List.of())).isEmpty();
    }

    @Test
    void anotherAccountsAddressBookIsInvisible() {
        String a = newAccount("lookup-a");
        newAccount("lookup-b");
        long contactOfA = create(a, "contacts", "{\"name\": \"A's\", \"phone_numbers\": [\"%s\"]}".formatted(NOBODY));
        long accountB = accountId("lookup-b");

        assertThat(directory.ownersOf(accountB, List.of(NOBODY))).isEmpty();
        assertThat(directory.contact(accountB, contactOfA)).isEmpty();
        assertThat(directory.ownersOf(accountId("lookup-a"), List.of(NOBODY)))
                .containsEntry(NOBODY, new NumberOwner(contactOfA, null));
    }

    @Test
    void theLookupSeesTheCallersTransaction() {
        newAccount("lookup-tx");
        long account = accountId("lookup-tx");
        String number = "+905321110099";
        Optional<NumberOwner> seen = new TransactionTemplate(transactions).execute(status -> {
            long contact = jdbc.sql("INSERT INTO contacts (account_id, name) VALUES (:a, 'Uncommitted') RETURNING id")
                    .param("a", account).query(Long.class).single();
            jdbc.sql("INSERT INTO directory_numbers (account_id, contact_id, number, position) VALUES (:a, :c, :n, 0)")
                    .param("a", account).param("c", contact).param("n", number).update();
            status.setRollbackOnly();
            return Optional.ofNullable(directory.ownersOf(account, List.of(number)).get(number))
                    .filter(owner -> directory.contact(account, contact).isPresent());
        });
        assertThat(seen).isPresent();
        assertThat(directory.ownersOf(account, List.of(number))).isEmpty();
    }

    private long create(String key, String collection, String json) {
        var created = api.post("/api/v3/" + collection, key, json);
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        return created.data().path("id").asLong();
    }

    private long accountId(String name) {
        return jdbc.sql("SELECT id FROM accounts WHERE name = :name").param("name", name).query(Long.class).single();
    }
}
