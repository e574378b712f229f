package io.callrecords.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.callrecords.shared.CallrecordsProperties;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.lang.Nullable;

/**
 * The one {@link DataSource}: the external server of {@code callrecords.db.url} when set, else
 * the embedded server, which this context starts and stops (the pool closes first, since it
 * depends on the server bean).
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    @Bean(destroyMethod = "close")
    @Nullable
    EmbeddedPostgresServer embeddedPostgresServer(CallrecordsProperties properties) {
        if (!properties.db().embedded()) {
            return null;
        }
        return EmbeddedPostgresServer.start(properties.embeddedPostgresDir(), properties.db().embeddedPort(),
                properties.db().embeddedStartupWait(), properties.cli(), properties.db().embeddedSettings());
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(CallrecordsProperties properties, @Nullable EmbeddedPostgresServer embedded) {
        HikariConfig config = new HikariConfig();
        CallrecordsProperties.Db db = properties.db();
        if (embedded != null) {
            config.setJdbcUrl(embedded.jdbcUrl());
            config.setUsername("postgres");
        } else {
            config.setJdbcUrl(db.url());
            config.setUsername(db.user());
            config.setPassword(db.password());
        }
        config.setPoolName("callrecords");
        // Batches of upserts go to the server as multi-row statements: one round trip, not one per row.
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        config.setMaximumPoolSize(properties.cli() ? 2 : db.poolSize());
        // A bounded wait: past capacity a request gives up on a connection after this and answers 503 with
        // Retry-After (ADR 0013), instead of queueing for Hikari's default 30 s and failing with a 500.
        config.setConnectionTimeout(Math.max(250, db.connectionTimeout().toMillis()));
        return new HikariDataSource(config);
    }
}
