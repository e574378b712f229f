package io.callrecords.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.flywaydb.core.Flyway;

/**
 * One embedded PostgreSQL per test JVM, playing the external server; each app of the suite gets a fresh database in
 * it. Its time zone is deliberately not UTC: times are where call records break.
 *
 * <p>The migrations run once per JVM, into a template database; a fresh database is a copy of it
 * ({@code CREATE DATABASE ... TEMPLATE}, a file copy inside PostgreSQL), so the app's Flyway finds it up to date and
 * only validates.
 */
public final class TestDatabase {

    public static final String SERVER_TIMEZONE = "America/Sao_Paulo";
    private static final String TEMPLATE = "migrated_template";
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedPostgres server;
    private static boolean templateMigrated;

    private TestDatabase() {}

    public static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder()
                        .setDataDirectory(Files.createTempDirectory("callrecords-test-pg").toFile())
                        .setCleanDataDirectory(true)
                        .setServerConfig("timezone", SERVER_TIMEZONE)
                        .setServerConfig("max_connections", "300")
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return server;
    }

    /** Creates a database with the app's migrations applied and returns its JDBC URL. */
    public static String fresh(String hint) {
        migrateTemplateOnce();
        String safe = hint.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        String name = "t" + COUNTER.incrementAndGet() + "_" + safe.substring(0, Math.min(40, safe.length()));
        execute("CREATE DATABASE " + name + " TEMPLATE " + TEMPLATE);
        return server().getJdbcUrl("postgres", name);
    }

    private static synchronized void migrateTemplateOnce() {
        if (templateMigrated) {
            return;
        }
        execute("CREATE DATABASE " + TEMPLATE);
        // the app's own migrations, as its Flyway finds them (spring.flyway.locations); Flyway closes its connections
        // when done, and a template must have none while it is copied
        Flyway.configure()
                .dataSource(server().getJdbcUrl("postgres", TEMPLATE), "postgres", null)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        execute("ALTER DATABASE " + TEMPLATE + " WITH IS_TEMPLATE true ALLOW_CONNECTIONS false");
        templateMigrated = true;
    }

    private static void execute(String sql) {
        try (Connection c = server().getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
