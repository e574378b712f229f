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

/**
 * One embedded PostgreSQL per test JVM, playing the external server; each test class gets a fresh
 * database in it. Its time zone is deliberately not UTC: times are where call records break.
 */
public final class TestDatabase {

    public static final String SERVER_TIMEZONE = "America/Sao_Paulo";
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedPostgres server;

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

    /** Creates an empty database and returns its JDBC URL. */
    public static String fresh(String hint) {
        String safe = hint.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        String name = "t" + COUNTER.incrementAndGet() + "_" + safe.substring(0, Math.min(40, safe.length()));
        try (Connection c = server().getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return server().getJdbcUrl("postgres", name);
    }
}
