package io.callrecords.bench;

import io.callrecords.bench.BenchAccounts.Account;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

/** {@code GET /api/v3/calls/export} of whole accounts, in both formats: records a second, and the service's heap. */
final class ExportThroughput {

    private final HttpClient http;
    private final ServiceProcess service;

    ExportThroughput(HttpClient http, ServiceProcess service) {
        this.http = http;
        this.service = service;
    }

    void run(List<Account> accounts) throws Exception {
        System.out.printf("%nExport of whole accounts, one at a time%n");
        try (MemoryProbe memory = new MemoryProbe(service.pid(), service.postgresPid(), service.port)) {
            Thread.sleep(1_500);
            long heapBefore = memory.maxHeapBytes.get();
            for (String format : List.of("ndjson", "csv")) {
                for (Account account : accounts) {
                    double serviceCpu = CpuTime.of(service.pid());
                    double postgresCpu = CpuTime.of(service.postgresPid());
                    long started = System.nanoTime();
                    HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                                    + service.port + "/api/v3/calls/export?format=" + format))
                            .header("Authorization", "Bearer " + account.key()).build(),
                            HttpResponse.BodyHandlers.ofInputStream());
                    long[] bytes = {0};
                    long records;
                    try (InputStream body = response.body()) {
                        records = ReadApiBenchmark.drain(body, bytes) - (format.equals("csv") ? 1 : 0);
                    }
                    double seconds = (System.nanoTime() - started) / 1e9;
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("export answered " + response.statusCode());
                    }
                    System.out.printf("  %-6s account %d: %,d records, %,d MiB in %.2f s: %,.0f records/s, %.0f MiB/s;"
                                    + " CPU a record: service %.1f µs, PostgreSQL %.1f µs%n",
                            format, account.id(), records, bytes[0] >> 20, seconds, records / seconds,
                            bytes[0] / seconds / (1 << 20), (CpuTime.of(service.pid()) - serviceCpu) * 1e6 / records,
                            (CpuTime.of(service.postgresPid()) - postgresCpu) * 1e6 / records);
                }
            }
            System.out.printf("  service heap in use: %,d MiB before the exports, at most %,d MiB during them (-Xmx1g)%n",
                    heapBefore >> 20, memory.maxHeapBytes.get() >> 20);
        }
    }
}
