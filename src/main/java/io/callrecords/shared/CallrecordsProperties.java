package io.callrecords.shared;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.springframework.util.unit.DataSize;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Every {@code callrecords.*} setting, each also settable as its upper-case environment
 * variable ({@code CALLRECORDS_DATA_DIR} ...). Defaults are listed in the README.
 */
@ConfigurationProperties("callrecords")
public record CallrecordsProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue Db db,
        String operatorToken,
        @DefaultValue Api api,
        @DefaultValue("serve") String mode) {

    /** Where PostgreSQL is: {@code url} unset means the embedded server under the data directory. */
    public record Db(String url, @DefaultValue("postgres") String user, String password,
                     @DefaultValue("0") int embeddedPort,
                     @DefaultValue("2m") Duration embeddedStartupWait,
                     @DefaultValue Map<String, String> embeddedSettings) {
        private static final java.util.Set<String> DURABILITY = java.util.Set.of("fsync", "synchronous_commit", "full_page_writes");

        public Db {
            // Durability is the embedded server's promise: these two cannot be configured away.
            embeddedSettings = embeddedSettings.entrySet().stream()
                    .filter(e -> !DURABILITY.contains(e.getKey()))
                    .collect(java.util.stream.Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
        }

        public boolean embedded() {
            return url == null || url.isBlank();
        }
    }

    /** Limits of the HTTP API. */
    public record Api(@DefaultValue("600") int defaultRateLimitPerMinute,
                      @DefaultValue("10MB") DataSize bodyLimit) {}

    public Path embeddedPostgresDir() {
        return dataDir.resolve("postgres");
    }

    public boolean cli() {
        return "cli".equals(mode);
    }

    /** Run by {@code ./callrecords demo}, which creates its own account. */
    public boolean demo() {
        return "demo".equals(mode);
    }
}
