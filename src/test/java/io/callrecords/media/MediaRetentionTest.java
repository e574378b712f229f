package io.callrecords.media;

import static org.assertj.core.api.Assertions.assertThat;

import io.callrecords.support.Api;
import io.callrecords.support.Audio;
import io.callrecords.support.MediaAppTestSupport;
import io.callrecords.support.OwnApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/** The per-account retention setting, and the job that applies it (run here by hand, as the scheduler would). */
@OwnApp // a retention job of its own; reads the whole media audit
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestPropertySource(properties = "callrecords.media.retention-interval=1h")
class MediaRetentionTest extends MediaAppTestSupport {

    @Autowired
    MediaRetention retention;
    @Autowired
    JdbcClient jdbc;

    private String key;
    private String keeperKey;

    @BeforeAll
    void accounts() {
        key = newAccount("retains-30-days");
        keeperKey = newAccount("keeps-forever");
    }

    @Test
    void theSettingIsValidatedAndVersionedWithTheOthers() {
        assertThat(api.get("/api/v3/account/settings", keeperKey).data().path("media_retention_days").isNull()).isTrue();
        for (String bad : new String[] {"0", "36501", "\"30\"", "2.5", "-1"}) {
            Api.Response refused = api.patch("/api/v3/account/settings", key, "{\"media_retention_days\": " + bad + "}");
            assertThat(refused.status()).as(bad).isEqualTo(422);
            assertThat(refused.body().path("errors").has("media_retention_days")).isTrue();
        }
        Api.Response set = api.patch("/api/v3/account/settings", key, "{\"media_retention_days\": 30}");
        assertThat(set.data().path("media_retention_days").asInt()).isEqualTo(30);
        assertThat(api.patch("/api/v3/account/settings", key, "{\"media_retention_days\": null}")
                .data().path("media_retention_days").isNull()).isTrue();
        api.patch("/api/v3/account/settings", key, "{\"media_retention_days\": 30}");
    }

    @Test
    void audioOlderThanTheAccountsRetentionIsDeletedAndAudited() throws Exception {
        theSettingIsValidatedAndVersionedWithTheOthers();
        UUID old = UUID.randomUUID();
        UUID recent = UUID.randomUUID();
        UUID keptForever = UUID.randomUUID();
        String oldUrl = putAudio(key, old, "recording", "audio/mpeg", Audio.bytes(Audio.MP3, 3_000, 1))
                .data().path("url").asString();
        putAudio(key, recent, "recording", "audio/mpeg", Audio.bytes(Audio.MP3, 3_000, 2));
        putAudio(keeperKey, keptForever, "voicemail", "audio/mpeg", Audio.bytes(Audio.MP3, 3_000, 3));
        jdbc.sql("UPDATE media SET stored_at = now() - interval '31 days' WHERE call_uuid IN (:old, :forever)")
                .param("old", old).param("forever", keptForever).update();
        jdbc.sql("UPDATE media SET stored_at = now() - interval '29 days' WHERE call_uuid = :recent")
                .param("recent", recent).update();

        retention.run();

        assertThat(download(oldUrl).statusCode()).isEqualTo(404);
        assertThat(api.get("/api/v3/calls/" + old + "/recording", key).status()).isEqualTo(404);
        assertThat(api.get("/api/v3/calls/" + recent + "/recording", key).status()).isEqualTo(302);
        assertThat(api.get("/api/v3/calls/" + keptForever + "/voicemail", keeperKey).status()).isEqualTo(302);
        assertThat(jdbc.sql("SELECT action || ':' || source || ':' || coalesce(api_key_id::text, 'service') FROM media_audit"
                        + " WHERE call_uuid = :old ORDER BY id").param("old", old).query(String.class).list())
                .containsExactly("attached:upload:" + keyId(key), "expired:retention:service");
        try (var files = Files.walk(DATA_DIR.resolve("media"))) {
            assertThat(files.filter(f -> f.toString().contains(old.toString()) && Files.isRegularFile(f)).toList()).isEmpty();
        }
    }

    @Test
    void abandonedTemporaryFilesAreSweptAndFreshOnesKept() throws Exception {
        Path tmp = Files.createDirectories(DATA_DIR.resolve("media/tmp"));
        Path abandoned = Files.writeString(tmp.resolve("abandoned.part"), "half an upload");
        Files.setLastModifiedTime(abandoned, FileTime.from(Instant.now().minusSeconds(7200)));
        Path inProgress = Files.writeString(tmp.resolve("in-progress.part"), "an upload being written");
        retention.sweepTemporaryFiles();
        assertThat(abandoned).doesNotExist();
        assertThat(inProgress).exists();
        Files.delete(inProgress);
    }

    private long keyId(String secret) {
        return api.get("/api/v3/api-keys", secret).data().get(0).path("id").asLong();
    }
}
