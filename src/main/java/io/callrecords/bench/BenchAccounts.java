package io.callrecords.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The accounts of a benchmark, created through {@code POST /admin/accounts} and remembered (id and API key) in
 * the data directory, so that a kept directory can be benchmarked again without loading it again.
 */
final class BenchAccounts {

    /** An account and its API key. */
    record Account(long id, String key) {}

    private static final String FILE = "bench-accounts.tsv";

    private BenchAccounts() {}

    static List<Account> ensure(ServiceProcess service, int count) throws IOException, InterruptedException {
        Path file = service.dataDir.resolve(FILE);
        List<Account> accounts = new ArrayList<>();
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file)) {
                String[] parts = line.split("\t");
                accounts.add(new Account(Long.parseLong(parts[0]), parts[1]));
            }
        }
        HttpClient http = HttpClient.newHttpClient();
        JsonMapper json = JsonMapper.builder().build();
        while (accounts.size() < count) {
            HttpResponse<String> created = http.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + service.port + "/admin/accounts"))
                    .header("Authorization", "Bearer " + service.operatorToken)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"bench-" + accounts.size() + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (created.statusCode() != 201) {
                throw new IllegalStateException("Could not create an account: " + created.body());
            }
            JsonNode data = json.readTree(created.body()).path("data");
            Account account = new Account(data.path("id").asLong(), data.path("api_key").asString());
            accounts.add(account);
            Files.writeString(file, account.id() + "\t" + account.key() + "\n", java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
        }
        return accounts.subList(0, count);
    }
}
