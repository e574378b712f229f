package io.callrecords;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The two settings a command must know before Spring reads them: whether the database is embedded, and in which
 * data directory. They are read as Spring reads them (an option, a system property, the environment, the default),
 * so that a command can answer without starting anything.
 */
final class LaunchSettings {

    private LaunchSettings() {}

    /** The data directory of the embedded database, or empty when an external PostgreSQL is configured. */
    static Optional<Path> embeddedDataDir(String option) {
        String url = setting("callrecords.db.url", "CALLRECORDS_DB_URL");
        if (url != null && !url.isBlank()) {
            return Optional.empty();
        }
        String dir = option != null ? option : setting("callrecords.data-dir", "CALLRECORDS_DATA_DIR");
        return Optional.of(Path.of(dir == null || dir.isBlank() ? "./data" : dir).toAbsolutePath().normalize());
    }

    private static String setting(String property, String environment) {
        String value = System.getProperty(property);
        return value != null ? value : System.getenv(environment);
    }
}
