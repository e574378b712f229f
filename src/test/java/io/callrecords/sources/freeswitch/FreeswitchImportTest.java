package io.callrecords.sources.freeswitch;

import static org.assertj.core.api.Assertions.assertThat;

import io.callrecords.support.Api;
import io.callrecords.support.Audio;
import io.callrecords.support.MediaAppTestSupport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./callrecords sources import freeswitch DIR} against the running service: a log-dir of JSON and XML CDRs (and
 * a file that is no CDR) becomes the calls; a second run sends nothing again; a leg's recording found in the
 * recordings directory is uploaded.
 */
class FreeswitchImportTest extends MediaAppTestSupport {

    @TempDir Path logDir;
    @TempDir Path recordings;

    private record Run(int exit, String out, String err) {}

    private Run importer(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = FreeswitchImport.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aDirectoryOfCdrsBecomesItsCallsOnceAndTheRecordingsAreUploaded() throws IOException {
        String admin = newAccount("fs-import");
        String write = newKey(admin, "[\"write\"]")[1];
        CdrFixtures.Case bridged = CdrFixtures.load("bridged");
        CdrFixtures.Case queue = CdrFixtures.load("queue_answered");
        // mod_json_cdr's names: a_<uuid>.cdr.json for A-legs with prefix-a-leg, <uuid>.cdr.json for the others
        Files.writeString(logDir.resolve("a_" + bridged.aLeg() + ".cdr.json"), bridged.legs().get("a"));
        Files.writeString(logDir.resolve(bridged.uuids().get("B1") + ".cdr.json"), bridged.legs().get("b1"));
        Files.writeString(logDir.resolve("a_" + queue.aLeg() + ".cdr.xml"), CdrFixtures.xml(queue.legs().get("a")));
        Files.writeString(logDir.resolve("broken.cdr.json"), "{\"not\": \"closed\"");
        Files.writeString(logDir.resolve("readme.txt"), "not a CDR file name");
        Files.write(recordings.resolve(bridged.aLeg() + ".wav"), Audio.bytes(Audio.WAV, 50_000, 3));

        String url = "http://127.0.0.1:" + port;
        Run first = importer("freeswitch", logDir.toString(), "--url", url, "--api-key", write,
                "--recordings", recordings.toString());
        assertThat(first.exit()).as(first.err()).isEqualTo(1); // one file was no CDR
        assertThat(first.out()).contains("4 files: 3 sent, 0 already imported, 1 not CDRs, 1 recordings uploaded.");
        assertThat(first.err()).contains("broken.cdr.json is not a CDR");

        Api.Response call = api.get("/api/v3/calls/" + bridged.aLeg(), admin);
        assertThat(call.status()).isEqualTo(200);
        assertThat(call.data().path("call_duration").asInt()).isEqualTo(65);
        assertThat(call.data().path("record_url").isNull()).isFalse();
        assertThat(download(call.data().path("record_url").asString()).body()).isEqualTo(Audio.bytes(Audio.WAV, 50_000, 3));
        assertThat(api.get("/api/v3/calls/" + queue.aLeg(), admin).data().path("first_touch_duration").asInt())
                .isEqualTo(20);

        Run second = importer("freeswitch", logDir.toString(), "--url", url, "--api-key", write);
        assertThat(second.out()).contains("4 files: 0 sent, 3 already imported, 1 not CDRs.");
        assertThat(Files.readAllLines(logDir.resolve(".callrecords-imported"))).hasSize(3);
    }

    @Test
    void wrongWordsAreAnsweredAtOnce() {
        assertThat(importer("asterisk", "/tmp").err()).contains("the source is freeswitch");
        assertThat(importer("freeswitch", "/no/such/dir", "--api-key", "k").err()).contains("is not a directory");
        assertThat(importer("freeswitch", logDir.toString()).err()).contains("needs --api-key");
        Run badKey = importer("freeswitch", logDir.toString(), "--url", "http://127.0.0.1:" + port, "--api-key", "nope");
        assertThat(badKey.exit()).isZero(); // an empty directory sends nothing, so the key is never tried
    }
}
