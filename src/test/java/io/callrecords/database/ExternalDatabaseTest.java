package io.callrecords.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.callrecords.support.AppTestSupport;
import io.callrecords.support.OwnApp;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** With CALLRECORDS_DB_URL the app uses that server (here a second PostgreSQL) and starts none of its own. */
@OwnApp // a data directory of its own, which must stay without an embedded server
class ExternalDatabaseTest extends AppTestSupport {

    private static Path dataDir;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) throws Exception {
        dataDir = Files.createTempDirectory("callrecords-external");
        registry.add("callrecords.data-dir", dataDir::toString);
    }

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theExternalServerIsUsedAndNoEmbeddedOneStarts() {
        assertThat(context.getBeanProvider(EmbeddedPostgresServer.class).getIfAvailable()).isNull();
        assertThat(dataDir.resolve("postgres")).doesNotExist();
        assertThat(jdbc.sql("SELECT count(*) FROM flyway_schema_history WHERE success").query(Integer.class).single()).isPositive();
        newAccount("external");
        assertThat(jdbc.sql("SELECT count(*) FROM accounts WHERE name = 'external'").query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM accounts WHERE name = 'default'").query(Integer.class).single())
                .as("no default account on an external database").isZero();
    }
}
