package io.callrecords.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/** The service's own metrics, read from {@code /actuator/prometheus}. */
final class ServiceMetrics {

    private static final HttpClient SCRAPER = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private ServiceMetrics() {}

    /** Every sample as name (with its tags, as printed: {@code hikaricp_connections_max{pool="callrecords"}}) to value. */
    static Map<String, Double> scrape(int port) throws Exception {
        String body = SCRAPER.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus"))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString()).body();
        Map<String, Double> values = new TreeMap<>();
        for (String line : body.split("\n")) {
            int space = line.lastIndexOf(' ');
            if (!line.startsWith("#") && space > 0) {
                try {
                    values.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
                } catch (NumberFormatException ignored) {
                    // not a sample
                }
            }
        }
        return values;
    }
}
