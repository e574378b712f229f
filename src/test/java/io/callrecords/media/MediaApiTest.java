package io.callrecords.media;

import static org.assertj.core.api.Assertions.assertThat;

import io.callrecords.support.Api;
import io.callrecords.support.Audio;
import io.callrecords.support.MediaAppTestSupport;
import io.callrecords.support.OwnApp;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/** Upload, signed download with ranges, the stable link, replacement, deletion and wrong bodies, on the filesystem. */
@OwnApp // a media size limit of its own
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestPropertySource(properties = "callrecords.media.max-size=1MB")
class MediaApiTest extends MediaAppTestSupport {

    @Autowired
    MediaSigner signer;
    @Autowired
    JdbcClient jdbc;

    private String key;
    private String otherKey;

    @BeforeAll
    void accounts() {
        key = newAccount("media");
        otherKey = newAccount("other");
    }

    @Test
    void anUploadComesBackByteForByteThroughItsSignedLink() {
        UUID call = UUID.randomUUID();
        byte[] audio = Audio.bytes(Audio.MP3, 1_000_000, 1);
        Api.Response put = putAudio(key, call, "recording", "audio/mpeg", audio);
        assertThat(put.status()).as(put.raw().body()).isEqualTo(201);
        assertThat(put.data().path("content_type").asString()).isEqualTo("audio/mpeg");
        assertThat(put.data().path("size").asLong()).isEqualTo(1_000_000);
        assertThat(put.data().path("sha256").asString()).isEqualTo(sha256(audio));

        HttpResponse<byte[]> got = download(put.data().path("url").asString());
        assertThat(got.statusCode()).isEqualTo(200);
        assertThat(got.body()).isEqualTo(audio);
        assertThat(got.headers().firstValue("content-type")).hasValue("audio/mpeg");
        assertThat(got.headers().firstValue("content-length")).hasValue("1000000");
        assertThat(got.headers().firstValue("accept-ranges")).hasValue("bytes");
    }

    @Test
    void wavAndOggAreKeptWithTheirTypes() {
        for (String type : List.of(Audio.WAV, Audio.OGG)) {
            UUID call = UUID.randomUUID();
            byte[] audio = Audio.bytes(type, 20_000, 2);
            Api.Response put = putAudio(key, call, "voicemail", type, audio);
            assertThat(put.status()).as(put.raw().body()).isEqualTo(201);
            HttpResponse<byte[]> got = download(put.data().path("url").asString());
            assertThat(got.headers().firstValue("content-type")).hasValue(type);
            assertThat(got.body()).isEqualTo(audio);
        }
    }

    @Test
    void rangesGiveTheFirstBytesTheMiddleAndTheEnd() {
        byte[] audio = Audio.bytes(Audio.MP3, 100_000, 3);
        String url = putAudio(key, UUID.randomUUID(), "recording", "audio/mpeg", audio).data().path("url").asString();

        assertPart(download(url, "Range", "bytes=0-99"), audio, 0, 99);
        assertPart(download(url, "Range", "bytes=40000-40999"), audio, 40_000, 40_999);
        assertPart(download(url, "Range", "bytes=-500"), audio, 99_500, 99_999);
        assertPart(download(url, "Range", "bytes=99990-"), audio, 99_990, 99_999);
        assertPart(download(url, "Range", "bytes=99000-200000"), audio, 99_000, 99_999);

        HttpResponse<byte[]> outside = download(url, "Range", "bytes=100000-");
        assertThat(outside.statusCode()).isEqualTo(416);
        assertThat(outside.headers().firstValue("content-range")).hasValue("bytes */100000");
        assertThat(json(outside).path("errors").path("detail").asString()).contains("outside");

        // Several ranges, or a range it cannot read, are answered whole, as RFC 9110 allows.
        assertThat(download(url, "Range", "bytes=0-1,5-6").statusCode()).isEqualTo(200);
        assertThat(download(url, "Range", "bytes=9-2").body()).isEqualTo(audio);
    }

    @Test
    void aLinkNeedsNoKeyAndIgnoresAnAuthorizationHeader() {
        byte[] audio = Audio.bytes(Audio.OGG, 5_000, 4);
        String url = putAudio(key, UUID.randomUUID(), "recording", "audio/ogg", audio).data().path("url").asString();
        assertThat(download(url, "Authorization", "Bearer not-a-key").body()).isEqualTo(audio);
        assertThat(download(url, "Authorization", "Bearer " + otherKey).statusCode()).isEqualTo(200);
    }

    @Test
    void changedForgedOrExpiredLinksAreRefused() {
        UUID call = UUID.randomUUID();
        String url = putAudio(key, call, "recording", "audio/mpeg", Audio.bytes(Audio.MP3, 5_000, 5))
                .data().path("url").asString();
        long account = accountOf(url);
        long expires = Long.parseLong(url.replaceAll(".*expires=(\\d+).*", "$1"));
        String signature = url.replaceAll(".*signature=", "");

        char last = signature.charAt(signature.length() - 2);
        String tampered = url.substring(0, url.length() - 2) + (last == 'A' ? 'B' : 'A') + url.charAt(url.length() - 1);
        assertRefused(tampered, "not valid");
        assertRefused(url.replace("expires=" + expires, "expires=" + (expires + 3600)), "not valid");
        assertRefused(url.replace("/recording?", "/voicemail?"), "not valid");
        assertRefused(url.replace("/" + call + "/", "/" + UUID.randomUUID() + "/"), "not valid");
        assertRefused(url.replaceAll("signature=.*", ""), "not valid");

        // Another account's id with this account's signature: the signature covers the account.
        long other = account + 1;
        putAudio(otherKey, call, "recording", "audio/mpeg", Audio.bytes(Audio.MP3, 5_000, 6));
        assertRefused(url.replace("/media/v1/" + account + "/", "/media/v1/" + other + "/"), "not valid");

        long past = Instant.now().minusSeconds(1).getEpochSecond();
        String expired = url.replaceAll("\\?.*", "") + "?expires=" + past + "&signature="
                + signer.sign(account, call, MediaKind.RECORDING, past);
        assertRefused(expired, "expired");
    }

    /** The same values written another way (leading zeros, a sign, base64 padding or unused bits) are not the link. */
    @Test
    void aSignedLinkIsAcceptedInExactlyOneSpelling() {
        UUID call = UUID.randomUUID();
        String url = putAudio(key, call, "recording", "audio/mpeg", Audio.bytes(Audio.MP3, 5_000, 7))
                .data().path("url").asString();
        long account = accountOf(url);
        long expires = Long.parseLong(url.replaceAll(".*expires=(\\d+).*", "$1"));
        String signature = url.replaceAll(".*signature=", "");
        assertThat(signature).hasSize(43);
        assertThat(download(url).statusCode()).isEqualTo(200);

        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        char last = signature.charAt(42); // 43 characters carry 258 bits: the last one's 2 lowest bits are unused
        String unusedBitFlipped = signature.substring(0, 42) + alphabet.charAt(alphabet.indexOf(last) ^ 1);
        for (String variant : List.of(
                url.replace("/media/v1/" + account + "/", "/media/v1/0" + account + "/"),
                url.replace("/media/v1/" + account + "/", "/media/v1/+" + account + "/"),
                url.replace("expires=" + expires, "expires=0" + expires),
                url.replace("expires=" + expires, "expires=%2B" + expires),
                url + "=",
                url.replace("signature=" + signature, "signature=" + unusedBitFlipped))) {
            assertRefused(variant, "not valid");
        }
    }

    @Test
    void mediaAnswersForbidTypeSniffing() {
        byte[] audio = Audio.bytes(Audio.MP3, 5_000, 8);
        String url = putAudio(key, UUID.randomUUID(), "recording", "audio/mpeg", audio).data().path("url").asString();
        assertThat(download(url).headers().firstValue("x-content-type-options")).hasValue("nosniff");
        assertThat(download(url, "Range", "bytes=0-9").headers().firstValue("x-content-type-options")).hasValue("nosniff");
        assertThat(download(url.replace("expires=", "expires=1")).headers().firstValue("x-content-type-options"))
                .hasValue("nosniff");
    }

    @Test
    void theStableLinkRedirectsToAFreshSignedOneForTheAccountOnly() {
        UUID call = UUID.randomUUID();
        byte[] audio = Audio.bytes(Audio.WAV, 8_000, 7);
        putAudio(key, call, "voicemail", "audio/wav", audio);

        Api.Response stable = api.get("/api/v3/calls/" + call + "/voicemail", key);
        assertThat(stable.status()).isEqualTo(302);
        String location = stable.header("location");
        assertThat(location).contains("/media/v1/").contains("signature=");
        assertThat(stable.data().path("url").asString()).isEqualTo(location);
        assertThat(download(location).body()).isEqualTo(audio);
        long expires = Long.parseLong(location.replaceAll(".*expires=(\\d+).*", "$1"));
        assertThat(expires - Instant.now().getEpochSecond()).isBetween(4 * 3600L - 60, 4 * 3600L);

        assertThat(api.get("/api/v3/calls/" + call + "/voicemail", otherKey).status()).isEqualTo(404);
        assertThat(api.get("/api/v3/calls/" + call + "/recording", key).status()).isEqualTo(404);
        assertThat(api.get("/api/v3/calls/" + call + "/voicemail", null).status()).isEqualTo(401);
        assertThat(api.get("/api/v3/calls/not-a-uuid/voicemail", key).status()).isEqualTo(422);
    }

    @Test
    void recordsCarryTheLinksOfTheirAudio() {
        UUID call = UUID.randomUUID();
        byte[] voicemail = Audio.bytes(Audio.MP3, 3_000, 8);
        // The audio arrives before the call's first event: it is kept and shows once the call does.
        assertThat(putAudio(key, call, "voicemail", "audio/mpeg", voicemail).status()).isEqualTo(201);
        assertThat(api.post("/api/v3/call-events", key, events(call)).status()).isEqualTo(202);

        JsonNode record = api.get("/api/v3/calls/" + call, key).data();
        assertThat(record.path("record_url").isNull()).isTrue();
        String url = record.path("voicemail_url").asString();
        assertThat(url).startsWith("http://localhost:" + port + "/media/v1/");
        assertThat(download(url).body()).isEqualTo(voicemail);
        assertThat(api.get("/api/v3/calls/" + call, otherKey).status()).isEqualTo(404);
    }

    @Test
    void aReplacementIsServedAndAuditedAndTheOldFileGoes() throws Exception {
        UUID call = UUID.randomUUID();
        byte[] first = Audio.bytes(Audio.MP3, 10_000, 9);
        byte[] second = Audio.bytes(Audio.OGG, 12_000, 10);
        String url = putAudio(key, call, "recording", "audio/mpeg", first).data().path("url").asString();
        Api.Response replaced = putAudio(key, call, "recording", "audio/ogg", second);
        assertThat(replaced.status()).isEqualTo(200);
        HttpResponse<byte[]> got = download(url);
        assertThat(got.body()).isEqualTo(second);
        assertThat(got.headers().firstValue("content-type")).hasValue("audio/ogg");

        List<Map<String, Object>> audit = jdbc.sql("""
                        SELECT action, api_key_id, source, size_bytes, sha256 FROM media_audit WHERE call_uuid = :call ORDER BY id""")
                .param("call", call).query().listOfRows();
        assertThat(audit).extracting(r -> r.get("action")).containsExactly("attached", "replaced");
        assertThat(audit).extracting(r -> r.get("size_bytes")).containsExactly(10_000L, 12_000L);
        assertThat(audit).extracting(r -> r.get("sha256")).containsExactly(sha256(first), sha256(second));
        assertThat(audit).allSatisfy(r -> assertThat(r.get("api_key_id")).isNotNull());
        try (Stream<java.nio.file.Path> files = Files.walk(DATA_DIR.resolve("media"))) {
            assertThat(files.filter(f -> f.toString().contains(call.toString()) && Files.isRegularFile(f)).toList())
                    .hasSize(1);
        }
    }

    @Test
    void deletedAudioIsGoneFromEveryLink() {
        UUID call = UUID.randomUUID();
        String url = putAudio(key, call, "recording", "audio/mpeg", Audio.bytes(Audio.MP3, 4_000, 11))
                .data().path("url").asString();
        assertThat(api.delete("/api/v3/calls/" + call + "/recording", otherKey).status()).isEqualTo(404);
        assertThat(api.delete("/api/v3/calls/" + call + "/recording", key).status()).isEqualTo(204);

        HttpResponse<byte[]> gone = download(url);
        assertThat(gone.statusCode()).isEqualTo(404);
        assertThat(json(gone).path("errors").path("detail").asString()).isEqualTo("Not Found");
        assertThat(api.get("/api/v3/calls/" + call + "/recording", key).status()).isEqualTo(404);
        assertThat(api.delete("/api/v3/calls/" + call + "/recording", key).status()).isEqualTo(404);
        assertThat(jdbc.sql("SELECT action FROM media_audit WHERE call_uuid = :call ORDER BY id").param("call", call)
                .query(String.class).list()).containsExactly("attached", "deleted");
    }

    @Test
    void bodiesThatAreNotTheAudioTheySayAreRefused() {
        UUID call = UUID.randomUUID();
        Api.Response lying = putAudio(key, call, "recording", "audio/mpeg", Audio.bytes(Audio.WAV, 2_000, 12));
        assertThat(lying.status()).isEqualTo(415);
        assertThat(lying.body().path("errors").path("detail").asString()).contains("audio/wav");
        assertThat(putAudio(key, call, "recording", "audio/ogg", "just some text, not audio".getBytes()).status())
                .isEqualTo(415);
        assertThat(putAudio(key, call, "recording", "text/plain", Audio.bytes(Audio.MP3, 2_000, 13)).status())
                .isEqualTo(415);
        assertThat(putAudio(key, call, "recording", "audio/mpeg", new byte[0]).status()).isEqualTo(415);
        assertThat(api.get("/api/v3/calls/" + call + "/recording", key).status()).isEqualTo(404);
        assertThat(putAudio(key, call, "recording", "audio/x-wav", Audio.bytes(Audio.WAV, 2_000, 14)).status())
                .as("an alias of audio/wav").isEqualTo(201);
    }

    @Test
    void bodiesOverTheLimitAreRefusedWith413() {
        UUID call = UUID.randomUUID();
        Api.Response declared = putAudio(key, call, "recording", "audio/mpeg", Audio.bytes(Audio.MP3, 1_600_000, 15));
        assertThat(declared.status()).isEqualTo(413);
        assertThat(declared.body().path("errors").path("detail").asString()).contains("limit");

        // Chunked, no length announced: refused once the limit is passed while streaming.
        Api.Response streamed = api.send(api.request("/api/v3/calls/" + call + "/recording", key)
                .header("Content-Type", "audio/mpeg")
                .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> Audio.stream(Audio.MP3, 1_500_000, 16))));
        assertThat(streamed.status()).isEqualTo(413);
        assertThat(api.get("/api/v3/calls/" + call + "/recording", key).status()).isEqualTo(404);
        try (Stream<java.nio.file.Path> files = Files.list(DATA_DIR.resolve("media/tmp"))) {
            assertThat(files.toList()).as("no temporary file left behind").isEmpty();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void assertPart(HttpResponse<byte[]> response, byte[] audio, int first, int last) {
        assertThat(response.statusCode()).isEqualTo(206);
        assertThat(response.headers().firstValue("content-range")).hasValue("bytes " + first + "-" + last + "/" + audio.length);
        assertThat(response.headers().firstValue("content-length")).hasValue(Integer.toString(last - first + 1));
        assertThat(response.body()).isEqualTo(Arrays.copyOfRange(audio, first, last + 1));
    }

    private static void assertRefused(String url, String why) {
        HttpResponse<byte[]> refused = download(url);
        assertThat(refused.statusCode()).as(url).isEqualTo(403);
        assertThat(json(refused).path("errors").path("detail").asString()).contains(why);
    }

    static JsonNode json(HttpResponse<byte[]> response) {
        assertThat(response.headers().firstValue("content-type").orElse("")).contains("json");
        return Api.JSON.readTree(response.body());
    }

    static long accountOf(String url) {
        return Long.parseLong(url.replaceAll(".*/media/v1/(\\d+)/.*", "$1"));
    }

    static String events(UUID call) {
        return """
                [{"id": "%1$s-1", "call_uuid": "%1$s", "action": "init", "at": "2026-03-26T09:31:32Z",
                  "detail": {"caller": {"number": "+905321234567", "type": "contact"},
                             "callee": {"number": "+908502010000", "type": "greeting", "id": 1}}},
                 {"id": "%1$s-2", "call_uuid": "%1$s", "action": "hangup", "at": "2026-03-26T09:32:02Z",
                  "detail": {"hangup_by": "contact"}}]""".formatted(call);
    }

    static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
