package io.callrecords;

import static org.assertj.core.api.Assertions.assertThat;

import io.callrecords.support.Api;
import io.callrecords.support.AppProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jar as it ships ({@code java -jar target/callrecords.jar serve}) starts and answers. The other tests run on
 * Maven's test class path, which holds every test dependency too: a library the jar lacks (left out, or given test
 * scope by a test's dependency) passes them all and fails here. Runs in {@code verify}, after {@code package}.
 */
class PackagedJarIT {

    private static final Path JAR = Path.of("target", "callrecords.jar");

    @Test
    void theShippedJarStartsAndServesTheApiItsDocumentThePagesAndMetrics(@TempDir Path dataDir) {
        assertThat(JAR).as("run by `./mvnw verify`, after package").exists();
        try (AppProcess app = AppProcess.launchJar(JAR.toAbsolutePath(), dataDir)) {
            app.awaitReady(Duration.ofSeconds(180));
            Api api = app.api();
            assertThat(api.get("/v3/api-docs", null).raw().body()).as(app.log()).contains("\"/api/v3/calls\"");
            assertThat(api.get("/swagger-ui/index.html", null).status()).as(app.log()).isEqualTo(200);
            assertThat(api.get("/sign-in", null).status()).as(app.log()).isEqualTo(200);
            assertThat(api.get("/actuator/prometheus", null).status()).as(app.log()).isEqualTo(200);
            assertThat(api.get("/api/v3/calls", "cr_not_a_key").status()).as(app.log()).isEqualTo(401);
            app.stop();
        }
        assertThat(Files.exists(dataDir.resolve("postgres"))).isTrue();
    }
}
