package io.callrecords.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.callrecords.support.Api;
import io.callrecords.support.AppProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded default as a user runs it: first start, normal restart, kill -9, a second process. */
class EmbeddedDatabaseLifecycleTest {

    @TempDir
    Path dataDir;

    private AppProcess app;

    @AfterEach
    void stopEverything() {
        if (app != null) {
            app.close();
        }
        // Never leave a postgres behind, whatever failed.
        Postmaster.read(dataDir.resolve("postgres")).filter(Postmaster::alive)
                .ifPresent(p -> ProcessHandle.of(p.pid()).ifPresent(ProcessHandle::destroy));
    }

    @Test
    void committedDataSurvivesNormalRestartsAndKill9() throws Exception {
        app = AppProcess.start(dataDir);
        String key = app.log().replaceAll("(?s).*?\\s(cr_[A-Za-z0-9_-]{43})\\s.*", "$1");
        assertThat(key).as(app.log()).startsWith("cr_").hasSize(46);
        Api api = app.api();
        assertThat(api.get("/api/v3/account/settings", key).status()).isEqualTo(200);
        assertThat(api.patch("/api/v3/account/settings", key, "{\"timezone\": \"Europe/Istanbul\"}").status()).isEqualTo(200);
        assertDurableSettings();

        app.stop();
        assertThat(dataDir.resolve("postgres/postmaster.pid")).as("a normal stop stops PostgreSQL").doesNotExist();

        app = AppProcess.start(dataDir);
        assertThat(app.log()).doesNotContain("First start");
        api = app.api();
        assertThat(api.get("/api/v3/account/settings", key).data().path("timezone").asString()).isEqualTo("Europe/Istanbul");
        assertThat(api.patch("/api/v3/account/settings", key, "{\"short_abandon_seconds\": 9}").status()).isEqualTo(200);
        String call = "3f0e2a4c-5b6d-4e7f-8a9b-0c1d2e3f4a5b";
        Api.Response accepted = api.post("/api/v3/call-events", key, """
                [{"id": "k9-1", "call_uuid": "%1$s", "action": "init", "at": "2026-03-26T12:00:00Z",
                  "detail": {"caller": {"number": "+905321234567", "type": "contact"},
                             "callee": {"number": "101", "type": "user", "id": 7}}},
                 {"id": "k9-2", "call_uuid": "%1$s", "action": "hangup", "at": "2026-03-26T12:00:05Z",
                  "detail": {"hangup_by": "contact"}}]""".formatted(call));
        assertThat(accepted.status()).isEqualTo(202);

        app.kill();
        Postmaster orphan = Postmaster.read(dataDir.resolve("postgres")).orElseThrow();
        assertThat(orphan.alive()).as("kill -9 of the app leaves its PostgreSQL running").isTrue();

        app = AppProcess.start(dataDir);
        assertThat(app.log()).contains("orphaned embedded PostgreSQL");
        assertThat(orphan.alive()).isFalse();
        Api.Response after = app.api().get("/api/v3/account/settings", key);
        assertThat(after.data().path("short_abandon_seconds").asInt()).isEqualTo(9);
        assertThat(after.data().path("timezone").asString()).isEqualTo("Europe/Istanbul");
        Api.Response record = app.api().get("/api/v3/calls/" + call, key);
        assertThat(record.status()).as("events acknowledged with 202 survive kill -9").isEqualTo(200);
        assertThat(record.data().path("call_duration").asInt()).isEqualTo(5);
    }

    @Test
    void aStalePidFileFromACrashedPostgresIsHandled() throws Exception {
        app = AppProcess.start(dataDir);
        app.kill();
        Postmaster orphan = Postmaster.read(dataDir.resolve("postgres")).orElseThrow();
        // Kill PostgreSQL too, as a power cut would: its pid file stays behind, pointing at nothing.
        ProcessHandle.of(orphan.pid()).orElseThrow().destroyForcibly();
        orphan.awaitExit(Duration.ofSeconds(30));
        assertThat(dataDir.resolve("postgres/postmaster.pid")).exists();

        app = AppProcess.start(dataDir);
        assertThat(app.log()).contains("stale postmaster.pid");
        assertThat(app.log()).doesNotContain("First start");
    }

    @Test
    void aSecondServiceOnTheSameDataDirectoryRefusesClearly() {
        app = AppProcess.start(dataDir);
        AppProcess second = AppProcess.launch(dataDir, Map.of());
        assertThat(second.awaitExit(Duration.ofSeconds(90))).isNotZero();
        assertThat(second.log().strip()).startsWith("The data directory").endsWith("another --data-dir.")
                .contains("is in use by another Callrecords process").doesNotContain("\n");
        assertThat(app.api().get("/actuator/health/readiness", null).status()).isEqualTo(200);
    }

    private void assertDurableSettings() throws Exception {
        int port = Postmaster.read(dataDir.resolve("postgres")).orElseThrow().port();
        try (var connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", "");
             var statement = connection.createStatement()) {
            for (String setting : List.of("fsync", "synchronous_commit", "full_page_writes")) {
                try (ResultSet rs = statement.executeQuery("SHOW " + setting)) {
                    rs.next();
                    assertThat(rs.getString(1)).as(setting).isEqualTo("on");
                }
            }
        }
        assertThat(Files.exists(dataDir.resolve("callrecords.lock"))).isTrue();
    }
}
