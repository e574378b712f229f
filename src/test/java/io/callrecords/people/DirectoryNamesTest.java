package io.callrecords.people;

import static org.assertj.core.api.Assertions.assertThat;

import io.callrecords.support.AppTestSupport;
import io.callrecords.support.DirectoryRows;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The names of every kind of directory entry, against rows in the V15 tables: a deleted entry keeps its name, an id
 * the directory does not know has none, another account's entries are never named, and a whole page's ids of every
 * kind cost one statement.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DirectoryNamesTest extends AppTestSupport {

    @Autowired
    DirectoryNames names;
    @Autowired
    JdbcClient db;
    @Autowired
    DataSource dataSource;

    private long account;

    @BeforeAll
    void directories() {
        String name = "names-" + UUID.randomUUID();
        newAccount(name);
        DirectoryRows rows = DirectoryRows.of(db, name)
                .user(11, "Ayşe Yılmaz").user(12, "Mehmet Demir").user(113, "Zeynep Kaya")
                .team(1, "Support queue").number(2, "Main line", "+902125550100").greeting(4, "Main menu")
                .extension(5, "1001").userVoicemailBox(7, "Zeynep's voicemail", 113)
                .accountVoicemailBox(8, "After hours")
                .deleted("users", 12).deleted("teams", 1);
        account = rows.account();
        String other = "names-other-" + UUID.randomUUID();
        newAccount(other);
        // ids the first account does not use, and one it uses with another name
        DirectoryRows.of(db, other).user(20, "Other person").team(21, "Other team").user(11, "Not Ayşe");
    }

    @Test
    void everyKindByItsNameADeletedOneMarkedAndAnUnknownOneWithout() {
        EntryNames found = names.of(account, new EntryNames.Wanted()
                .add(EntryKind.USER, 11L).add(EntryKind.USER, 12L).add(EntryKind.USER, 99L)
                .add(EntryKind.TEAM, 1L).add(EntryKind.NUMBER, 2L).add(EntryKind.GREETING, 4L)
                .add(EntryKind.EXTENSION, 5L).add(EntryKind.VOICEMAIL_BOX, 7L).add(EntryKind.VOICEMAIL_BOX, 8L)
                .add(EntryKind.VOICEMAIL_BOX, 113L));
        assertThat(found.label(EntryKind.USER, 11L)).isEqualTo("Ayşe Yılmaz");
        assertThat(found.label(EntryKind.USER, 12L)).isEqualTo("Mehmet Demir (deleted)");
        assertThat(found.label(EntryKind.USER, 99L)).isNull();
        assertThat(found.label(EntryKind.TEAM, 1L)).isEqualTo("Support queue (deleted)");
        assertThat(found.label(EntryKind.NUMBER, 2L)).isEqualTo("Main line (+90 212 555 01 00)");
        assertThat(found.label(EntryKind.GREETING, 4L)).isEqualTo("Main menu");
        assertThat(found.label(EntryKind.EXTENSION, 5L)).isEqualTo("1001");
        assertThat(found.label(EntryKind.VOICEMAIL_BOX, 7L)).isEqualTo("Zeynep's voicemail");
        assertThat(found.label(EntryKind.VOICEMAIL_BOX, 8L)).isEqualTo("After hours");
        // a box's id is not a user's: user 113 has no box 113
        assertThat(found.label(EntryKind.VOICEMAIL_BOX, 113L)).isNull();
        // ids are per kind: there is a user 11, but no team 11 was asked for or exists
        assertThat(found.label(EntryKind.TEAM, 11L)).isNull();
        assertThat(found.label(EntryKind.USER, null)).isNull();
    }

    @Test
    void anotherAccountsEntriesAreNeverNamed() {
        EntryNames found = names.of(account, new EntryNames.Wanted()
                .add(EntryKind.USER, 20L).add(EntryKind.TEAM, 21L).add(EntryKind.USER, 11L));
        assertThat(found.label(EntryKind.USER, 20L)).isNull();
        assertThat(found.label(EntryKind.TEAM, 21L)).isNull();
        assertThat(found.label(EntryKind.USER, 11L)).isEqualTo("Ayşe Yılmaz");
    }

    @Test
    void aPageOfIdsOfEveryKindIsOneStatementAndNoIdsNone() {
        AtomicInteger statements = new AtomicInteger();
        DirectoryNames counted = new DirectoryNames(JdbcClient.create(counting(dataSource, statements)));
        EntryNames.Wanted page = new EntryNames.Wanted();
        for (EntryKind kind : EntryKind.values()) {
            page.addAll(kind, LongStream.rangeClosed(1, 50).boxed().toList());
        }
        EntryNames found = counted.of(account, page);
        assertThat(statements).hasValue(1);
        assertThat(found.label(EntryKind.USER, 11L)).isEqualTo("Ayşe Yılmaz");
        assertThat(found.label(EntryKind.EXTENSION, 5L)).isEqualTo("1001");

        assertThat(counted.of(account, new EntryNames.Wanted().add(EntryKind.USER, null))).isSameAs(EntryNames.NONE);
        assertThat(statements).hasValue(1);
    }

    /** The data source, counting the statements prepared on its connections. */
    private static DataSource counting(DataSource target, AtomicInteger statements) {
        return new DelegatingDataSource(target) {
            @Override
            public Connection getConnection() throws java.sql.SQLException {
                Connection connection = super.getConnection();
                return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                        new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                            if (method.getName().equals("prepareStatement") || method.getName().equals("createStatement")
                                    || method.getName().equals("prepareCall")) {
                                statements.incrementAndGet();
                            }
                            try {
                                return method.invoke(connection, args);
                            } catch (java.lang.reflect.InvocationTargetException e) {
                                throw e.getCause();
                            }
                        });
            }
        };
    }
}
