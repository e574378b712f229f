package io.callrecords.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/** Samples a process's memory while a benchmark runs: resident set, heap in use, PostgreSQL's share. */
final class MemoryProbe implements AutoCloseable {

    final AtomicLong maxRssKib = new AtomicLong();
    final AtomicLong maxHeapBytes = new AtomicLong();
    final AtomicLong maxPostgresPssKib = new AtomicLong();
    private final Thread thread;

    MemoryProbe(long pid, long postgresPid, int port) {
        HttpClient client = HttpClient.newHttpClient();
        thread = Thread.ofPlatform().daemon().start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                maxRssKib.accumulateAndGet(statusKib(pid, "VmRSS:"), Math::max);
                maxPostgresPssKib.accumulateAndGet(postgresPss(postgresPid), Math::max);
                maxHeapBytes.accumulateAndGet(heapUsed(client, port), Math::max);
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    static long statusKib(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // the process is gone
        }
        return 0;
    }

    /** The postmaster and its children, shared memory counted once (proportional set size). */
    static long postgresPss(long postmaster) {
        long total = pss(postmaster);
        for (ProcessHandle child : ProcessHandle.of(postmaster).map(p -> p.children().toList()).orElse(java.util.List.of())) {
            total += pss(child.pid());
        }
        return total;
    }

    private static long pss(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/smaps_rollup"))) {
                if (line.startsWith("Pss:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // gone
        }
        return 0;
    }

    private static long heapUsed(HttpClient client, int port) {
        try {
            String metrics = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            double sum = 0;
            for (String line : metrics.split("\n")) {
                if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
                    sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                }
            }
            return (long) sum;
        } catch (IOException | InterruptedException | RuntimeException e) {
            return 0;
        }
    }

    /** The highest figures sampled, as the benchmarks print them beside their own. */
    String describe() {
        return String.format("service JVM: max heap in use %,d MiB, max resident %,d MiB; PostgreSQL max PSS %,d MiB",
                maxHeapBytes.get() >> 20, maxRssKib.get() >> 10, maxPostgresPssKib.get() >> 10);
    }

    @Override
    public void close() {
        thread.interrupt();
    }
}
