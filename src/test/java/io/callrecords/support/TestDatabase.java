package io.callrecords.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.flywaydb.core.Flyway;

/**
 * One embedded PostgreSQL per test JVM, playing the external server; each app of the suite gets a fresh database in
 * it. Its time zone is deliberately not UTC: times are where call records break.
 *
 * <p>With the system property {@value #SERVER_URL} (a superuser's JDBC URL of a PostgreSQL server of the machine, as
 * the pom's {@code server-postgres} profile passes {@code CALLRECORDS_TEST_DB_URL}), the databases are made in that
 * server instead, each with the same time zone: the path production takes, on the server package it runs.
 *
 * <p>The migrations run once per JVM, into a template database; a fresh database is a copy of it
 * ({@code CREATE DATABASE ... TEMPLATE}, a file copy inside PostgreSQL), so the app's Flyway finds it up to date and
 * only validates.
 */
public final class TestDatabase {

    public static final String SERVER_TIMEZONE = "America/Sao_Paulo";
    static final String SERVER_URL = "callrecords.test.server-url";
    private static final String SERVER = System.getProperty(SERVER_URL, "");
    /** This JVM's: a server of the machine's own may hold an earlier run's databases. */
    private static final String RUN = Long.toString(ProcessHandle.current().pid());
    private static final String TEMPLATE = "migrated_template_" + RUN;
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedPostgres server;
    private static boolean templateMigrated;

    private TestDatabase() {}

    private static synchronized EmbeddedPostgres embedded() {
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
        String name = "t" + RUN + "_" + COUNTER.incrementAndGet() + "_" + safe.substring(0, Math.min(40, safe.length()));
        execute("CREATE DATABASE " + name + " TEMPLATE " + TEMPLATE);
        if (SERVER.isEmpty()) {
            return embedded().getJdbcUrl("postgres", name);
        }
        execute("ALTER DATABASE " + name + " SET timezone TO '" + SERVER_TIMEZONE + "'");
        return urlOf(name);
    }

    /** The server's URL with another database: {@code jdbc:postgresql://host:port/db?params}. */
    private static String urlOf(String database) {
        if (!SERVER.matches("jdbc:postgresql://[^/?]+/[^/?]*(\\?.*)?")) {
            throw new IllegalStateException(SERVER_URL + " is not jdbc:postgresql://host:port/database: " + SERVER);
        }
        int slash = SERVER.indexOf('/', "jdbc:postgresql://".length());
        int query = SERVER.indexOf('?');
        return SERVER.substring(0, slash + 1) + database + (query < 0 ? "" : SERVER.substring(query));
    }

    private static Connection admin() throws SQLException {
        return SERVER.isEmpty() ? embedded().getPostgresDatabase().getConnection()
                : DriverManager.getConnection(urlOf("postgres"), "postgres", null);
    }

    private static synchronized void migrateTemplateOnce() {
        if (templateMigrated) {
            return;
        }
        execute("CREATE DATABASE " + TEMPLATE);
        // the app's own migrations, as its Flyway finds them (spring.flyway.locations); Flyway closes its connections
        // when done, and a template must have none while it is copied
        Flyway.configure()
                .dataSource(SERVER.isEmpty() ? embedded().getJdbcUrl("postgres", TEMPLATE) : urlOf(TEMPLATE), "postgres", null)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        execute("ALTER DATABASE " + TEMPLATE + " WITH IS_TEMPLATE true ALLOW_CONNECTIONS false");
        templateMigrated = true;
    }

    private static void execute(String sql) {
        try (Connection c = admin(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
