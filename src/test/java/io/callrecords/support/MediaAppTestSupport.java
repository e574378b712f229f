package io.callrecords.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The real app with its own throw-away data directory, where the media of the test class go. */
public abstract class MediaAppTestSupport extends AppTestSupport {

    protected static final Path DATA_DIR = TestDirectories.deletedAtExit("callrecords-media-test");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("callrecords.data-dir", DATA_DIR::toString);
    }

    /** {@code PUT /api/v3/calls/{uuid}/{kind}} with a raw audio body. */
    protected Api.Response putAudio(String key, Object call, String kind, String contentType, byte[] body) {
        return api.send(api.request("/api/v3/calls/" + call + "/" + kind, key).header("Content-Type", contentType)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** GET of a media link with extra headers ({@code "Range", "bytes=0-9"}), the body as bytes; no redirect followed. */
    public static HttpResponse<byte[]> download(String url, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    protected Api.Response putJson(String key, Object call, String kind, String json) {
        return api.send(api.request("/api/v3/calls/" + call + "/" + kind, key).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }
}
