package io.callrecords.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.callrecords.support.Api;
import io.callrecords.support.Audio;
import io.callrecords.support.MediaAppTestSupport;
import io.callrecords.support.OwnApp;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The S3 storage against a real S3-compatible server: S3Proxy in this JVM on a loopback port, over
 * its in-memory ({@code transient}) blob store, with AWS signature v4 authentication. What is in the bucket is
 * read from that blob store directly, not through the service's requests.
 */
@OwnApp // media in an S3 store of its own
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MediaS3StorageTest extends MediaAppTestSupport {

    private static final String ACCESS_KEY = "test-access";
    private static final String SECRET_KEY = "test-secret-of-the-s3-server";
    private static final String BUCKET = "callrecords-test";
    private static final BlobStore BLOBS = BlobStores.create("transient", new Properties());
    private static final S3Proxy SERVER = startServer();

    private String key;

    @DynamicPropertySource
    static void s3(DynamicPropertyRegistry registry) {
        registry.add("callrecords.media.storage", () -> "s3");
        registry.add("callrecords.media.s3.endpoint", MediaS3StorageTest::endpoint);
        registry.add("callrecords.media.s3.bucket", () -> BUCKET);
        registry.add("callrecords.media.s3.region", () -> "eu-central-1");
        registry.add("callrecords.media.s3.path-style", () -> "true");
        registry.add("callrecords.media.s3.access-key", () -> ACCESS_KEY);
        registry.add("callrecords.media.s3.secret-key", () -> SECRET_KEY);
        registry.add("callrecords.media.s3.prefix", () -> "media/");
    }

    private static S3Proxy startServer() {
        try {
            BLOBS.createContainer(BUCKET);
            S3Proxy proxy = S3Proxy.builder().blobStore(BLOBS).endpoint(URI.create("http://127.0.0.1:0"))
                    .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY).build();
            proxy.start();
            // polled in this thread: it runs the class's static initializer, which another thread's call of the
            // lambda (a method of this class) would wait for
            await("S3Proxy started").atMost(Duration.ofSeconds(30)).pollInSameThread()
                    .pollInterval(Duration.ofMillis(20)).until(() -> "STARTED".equals(proxy.getState()));
            return proxy;
        } catch (Exception e) {
            throw new IllegalStateException("S3Proxy did not start", e);
        }
    }

    private static String endpoint() {
        return "http://127.0.0.1:" + SERVER.getPort();
    }

    @BeforeAll
    void account() {
        key = newAccount("s3");
    }

    @AfterAll
    void stop() throws Exception {
        SERVER.stop();
    }

    @Test
    void anUploadIsKeptInTheBucketAndComesBackByteForByte() throws Exception {
        UUID call = UUID.randomUUID();
        byte[] audio = Audio.bytes(Audio.WAV, 3_000_000, 21);
        Api.Response put = putAudio(key, call, "recording", "audio/wav", audio);
        assertThat(put.status()).as(put.raw().body()).isEqualTo(201);

        HttpResponse<byte[]> got = download(put.data().path("url").asString());
        assertThat(got.statusCode()).isEqualTo(200);
        assertThat(got.body()).isEqualTo(audio);
        assertThat(got.headers().firstValue("content-type")).hasValue("audio/wav");
        assertThat(got.headers().firstValue("content-length")).hasValue("3000000");

        assertThat(objectsOf(call)).singleElement().satisfies(o -> {
            assertThat(o.key()).startsWith("media/").endsWith(".wav");
            assertThat(o.size()).isEqualTo(3_000_000L);
        });
        try (var files = Files.walk(DATA_DIR.resolve("media"))) {
            assertThat(files.filter(f -> f.toString().contains(call.toString())).toList()).as("nothing on disk").isEmpty();
        }
    }

    @Test
    void rangesAreReadFromTheBucket() {
        byte[] audio = Audio.bytes(Audio.MP3, 200_000, 22);
        String url = putAudio(key, UUID.randomUUID(), "recording", "audio/mpeg", audio).data().path("url").asString();
        assertRange(download(url, "Range", "bytes=0-15"), audio, 0, 15);
        assertRange(download(url, "Range", "bytes=100000-100099"), audio, 100_000, 100_099);
        assertRange(download(url, "Range", "bytes=-1000"), audio, 199_000, 199_999);
        HttpResponse<byte[]> outside = download(url, "Range", "bytes=200000-200001");
        assertThat(outside.statusCode()).isEqualTo(416);
        assertThat(outside.headers().firstValue("content-range")).hasValue("bytes */200000");
    }

    @Test
    void replacedAndDeletedAudioLeavesTheBucket() {
        UUID call = UUID.randomUUID();
        putAudio(key, call, "voicemail", "audio/ogg", Audio.bytes(Audio.OGG, 10_000, 23));
        byte[] second = Audio.bytes(Audio.OGG, 11_000, 24);
        String url = putAudio(key, call, "voicemail", "audio/ogg", second).data().path("url").asString();
        assertThat(download(url).body()).isEqualTo(second);
        assertThat(objectsOf(call)).hasSize(1);

        assertThat(api.delete("/api/v3/calls/" + call + "/voicemail", key).status()).isEqualTo(204);
        assertThat(objectsOf(call)).isEmpty();
        assertThat(download(url).statusCode()).isEqualTo(404);
    }

    private List<S3Object> objectsOf(UUID call) {
        return BLOBS.list(BUCKET).contents().stream()
                .filter(o -> o.key().startsWith("media/") && o.key().contains(call.toString())).toList();
    }

    private static void assertRange(HttpResponse<byte[]> response, byte[] audio, int first, int last) {
        assertThat(response.statusCode()).isEqualTo(206);
        assertThat(response.headers().firstValue("content-range")).hasValue("bytes " + first + "-" + last + "/" + audio.length);
        assertThat(response.body()).isEqualTo(Arrays.copyOfRange(audio, first, last + 1));
    }
}
