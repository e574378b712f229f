package io.callrecords.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Media downloads through signed links, against the limit of reading the same files from the disk
 * ({@code cat} and {@code dd} to /dev/null), fetched with {@code curl} to /dev/null: one large file, then
 * many small ones in parallel; each
 * with the files in the page cache (warm) and evicted from it first (cold, {@code dd iflag=nocache}).
 * The service runs as its own process (filesystem storage, embedded PostgreSQL) on this machine.
 */
final class MediaBenchmark {

    record Options(int largeMb, int smallKb, int smallCount, int rounds) {}

    static final Benchmark BENCHMARK = new Benchmark("media",
            "downloads of one large and many small files through signed links, against dd/cat of the same files",
            Benchmark.options("--large-mb", 400, "--small-kb", 512, "--small-count", 100, "--rounds", 3),
            o -> new MediaBenchmark(new Options(o.integer("--large-mb"), o.integer("--small-kb"),
                    o.integer("--small-count"), o.integer("--rounds"))).run());

    /** One stored file: its signed link and where the service keeps it. */
    private record Stored(String url, Path file, long size) {}

    private final Options options;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    MediaBenchmark(Options options) {
        this.options = options;
    }

    void run() throws Exception {
        try (ServiceProcess service = ServiceProcess.start("512m")) {
            System.out.printf("Media benchmark: 1 file of %d MiB, %d files of %d KiB in parallel, best of %d rounds%n",
                    options.largeMb(), options.smallCount(), options.smallKb(), options.rounds());
            long started = System.nanoTime();
            Stored large = upload(service, (long) options.largeMb() << 20);
            System.out.printf("  upload of the large file (streamed, fsynced): %,.0f MiB/s%n",
                    mib(large.size()) / seconds(started));
            List<Stored> small = new ArrayList<>();
            for (int i = 0; i < options.smallCount(); i++) {
                small.add(upload(service, (long) options.smallKb() << 10));
            }
            long smallBytes = small.stream().mapToLong(Stored::size).sum();
            List<Path> smallFiles = small.stream().map(Stored::file).toList();
            List<String> smallUrls = small.stream().map(Stored::url).toList();

            for (int i = 0; i < 5; i++) { // warm-up: the JIT compiles the download path before anything is timed
                get(smallUrls);
            }
            get(List.of(large.url()));
            try (MemoryProbe memory = new MemoryProbe(service.pid(), service.postgresPid(), service.port)) {
                for (boolean cold : new boolean[] {false, true}) {
                    String cache = cold ? "cold" : "warm";
                    double rawLarge = best(() -> timed(cold, List.of(large.file()), () -> read("dd", large.file())));
                    double httpLarge = best(() -> timed(cold, List.of(large.file()), () -> get(List.of(large.url()))));
                    report("one large file, " + cache, large.size(), rawLarge, httpLarge);
                    double rawSmall = best(() -> timed(cold, smallFiles, () -> read("cat", smallFiles.toArray(Path[]::new))));
                    double httpSmall = best(() -> timed(cold, smallFiles, () -> get(smallUrls)));
                    report(options.smallCount() + " small files in parallel, " + cache, smallBytes, rawSmall, httpSmall);
                }
                System.out.printf("  service JVM while downloading: max heap in use %,d MiB, max resident %,d MiB (-Xmx512m)%n",
                        memory.maxHeapBytes.get() >> 20, memory.maxRssKib.get() >> 10);
            }
        }
    }

    private Stored upload(ServiceProcess service, long size) throws Exception {
        UUID call = UUID.randomUUID();
        URI uri = URI.create("http://127.0.0.1:" + service.port + "/api/v3/calls/" + call + "/recording");
        HttpRequest put = HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + service.apiKey)
                .header("Content-Type", "audio/mpeg")
                .PUT(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> audio(size)), size))
                .build();
        HttpResponse<String> stored = http.send(put, HttpResponse.BodyHandlers.ofString());
        if (stored.statusCode() != 201) {
            throw new IllegalStateException("Upload answered " + stored.statusCode() + ": " + stored.body());
        }
        String url = stored.body().replaceAll(".*\"url\":\"([^\"]+)\".*", "$1");
        try (Stream<Path> files = Files.walk(service.dataDir.resolve("media"))) {
            Path file = files.filter(f -> f.toString().contains(call.toString())).filter(Files::isRegularFile)
                    .findFirst().orElseThrow();
            return new Stored(url, file, size);
        }
    }

    /**
     * GETs every link at once with {@code curl --parallel} to /dev/null: like {@code cat}, a client that
     * costs next to nothing, so the figure is the service's and not a Java client's.
     */
    private static Void get(List<String> urls) throws Exception {
        List<String> command = new ArrayList<>(List.of("curl", "--silent", "--fail", "--parallel", "--parallel-immediate",
                "--parallel-max", Integer.toString(Math.max(1, urls.size()))));
        for (String url : urls) {
            command.addAll(List.of("--output", "/dev/null", url));
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("curl failed (exit " + process.exitValue() + "); is curl installed?");
        }
        return null;
    }

    /** {@code dd bs=1M} of one file, or one {@code cat} of many, to /dev/null. */
    private static Void read(String tool, Path... files) throws Exception {
        List<String> command = new ArrayList<>(tool.equals("dd")
                ? List.of("dd", "if=" + files[0], "of=/dev/null", "bs=1M", "status=none")
                : List.of("cat"));
        if (!tool.equals("dd")) {
            Arrays.stream(files).map(Path::toString).forEach(command::add);
        }
        Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException(tool + " failed");
        }
        return null;
    }

    /** Seconds that {@code work} took; cold runs first drop the files' pages from the page cache. */
    private static double timed(boolean cold, List<Path> files, Work work) throws Exception {
        for (Path file : files) {
            if (cold) {
                new ProcessBuilder("dd", "if=" + file, "iflag=nocache", "count=0", "status=none").start().waitFor();
            }
        }
        long started = System.nanoTime();
        work.run();
        return seconds(started);
    }

    private double best(Round round) throws Exception {
        double best = Double.MAX_VALUE;
        for (int i = 0; i < options.rounds(); i++) {
            best = Math.min(best, round.seconds());
        }
        return best;
    }

    private static void report(String what, long bytes, double raw, double service) {
        System.out.printf("  %s: service %,.0f MiB/s, disk read (%s) %,.0f MiB/s, ratio %.2f%n", what,
                mib(bytes) / service, what.startsWith("one") ? "dd" : "cat", mib(bytes) / raw, raw / service);
    }

    /** An MP3-shaped body: an ID3 header, then 1 MiB of random bytes over and over (cheap to make). */
    private static InputStream audio(long size) {
        byte[] block = new byte[1 << 20];
        new Random(42).nextBytes(block);
        System.arraycopy("ID3".getBytes(), 0, block, 0, 3);
        return new InputStream() {
            private long position;

            @Override
            public int read() {
                return position < size ? block[(int) (position++ % block.length)] & 0xff : -1;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                if (position >= size) {
                    return -1;
                }
                int at = (int) (position % block.length);
                int n = (int) Math.min(Math.min(length, block.length - at), size - position);
                System.arraycopy(block, at, buffer, offset, n);
                position += n;
                return n;
            }
        };
    }

    private static double mib(long bytes) {
        return bytes / 1048576.0;
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    private interface Work {
        Void run() throws Exception;
    }

    private interface Round {
        double seconds() throws Exception;
    }
}
