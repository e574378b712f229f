package io.callrecords.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The service under test as its own process on a throw-away data directory (embedded PostgreSQL),
 * so that its memory is measured apart from the load generator's.
 */
final class ServiceProcess implements AutoCloseable {

    private static final Pattern KEY = Pattern.compile("\\s(cr_[A-Za-z0-9_-]{43})\\s");

    final Path dataDir;
    final int port;
    /** The key of the {@code default} account, printed on the first start; null on a kept directory's later starts. */
    final String apiKey;
    /** The token of {@code /admin/} (a fresh random one each start). */
    final String operatorToken;
    private final Process process;
    private final Path log;
    private final boolean keep;

    private ServiceProcess(Path dataDir, int port, Process process, Path log, String apiKey, String operatorToken,
                           boolean keep) {
        this.dataDir = dataDir;
        this.port = port;
        this.process = process;
        this.log = log;
        this.apiKey = apiKey;
        this.operatorToken = operatorToken;
        this.keep = keep;
    }

    /** The service on a throw-away data directory, deleted on {@link #close()}. */
    static ServiceProcess start(String heap) throws IOException, InterruptedException {
        return start(heap, java.util.Map.of());
    }

    /** @param environment extra environment variables of the service (settings such as CALLRECORDS_OUTBOUND_ALLOWED_HOSTS) */
    static ServiceProcess start(String heap, java.util.Map<String, String> environment) throws IOException, InterruptedException {
        return start(heap, Files.createTempDirectory("callrecords-bench"), false, environment);
    }

    /**
     * The service on {@code dataDir}; kept after {@link #close()} when {@code keep}, so that a benchmark with a
     * long load can be repeated on the same data.
     */
    static ServiceProcess start(String heap, Path dataDir, boolean keep) throws IOException, InterruptedException {
        return start(heap, dataDir, keep, java.util.Map.of());
    }

    private static ServiceProcess start(String heap, Path dataDir, boolean keep, java.util.Map<String, String> environment)
            throws IOException, InterruptedException {
        Files.createDirectories(dataDir);
        boolean fresh = !Files.exists(dataDir.resolve("postgres"));
        String operatorToken = "bench-" + java.util.UUID.randomUUID();
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = dataDir.resolve("service.log");
        Files.deleteIfExists(log);
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"), "-Xmx" + heap, "-XX:+UseG1GC"));
        // Extra options for the service's JVM only, e.g. a flight recording while profiling a benchmark.
        String extra = System.getenv("CALLRECORDS_BENCH_SERVICE_JAVA_OPTS");
        if (extra != null && !extra.isBlank()) {
            command.addAll(List.of(extra.trim().split("\\s+")));
        }
        String classPath = System.getProperty("java.class.path");
        if (classPath.endsWith(".jar") && !classPath.contains(java.io.File.pathSeparator)) {
            command.addAll(List.of("-jar", classPath, "serve")); // run from the service's own jar
        } else {
            command.addAll(List.of("-cp", classPath, "io.callrecords.CallrecordsApplication", "serve"));
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("CALLRECORDS_DATA_DIR", dataDir.toString());
        builder.environment().put("SERVER_PORT", Integer.toString(port));
        builder.environment().put("LOGGING_LEVEL_ROOT", "WARN");
        builder.environment().put("CALLRECORDS_API_DEFAULT_RATE_LIMIT_PER_MINUTE", "100000000");
        builder.environment().put("CALLRECORDS_OPERATOR_TOKEN", operatorToken);
        builder.environment().putAll(environment);
        Process process = builder.start();
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                HttpResponse<Void> ready = client.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    Matcher key = KEY.matcher(Files.readString(log));
                    if (key.find() || !fresh) {
                        return new ServiceProcess(dataDir, port, process, log, key.find(0) ? key.group(1) : null,
                                operatorToken, keep);
                    }
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        process.destroyForcibly();
        throw new IllegalStateException("The service did not start:\n" + Files.readString(log));
    }

    long pid() {
        return process.pid();
    }

    /** The port of the embedded PostgreSQL, for the raw COPY baseline. */
    int postgresPort() throws IOException {
        return Integer.parseInt(Files.readAllLines(dataDir.resolve("postgres/postmaster.pid")).get(3).trim());
    }

    /** A connection to the embedded PostgreSQL as its superuser, for what a benchmark reads beside the API. */
    Connection database() throws IOException, SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + postgresPort() + "/postgres", "postgres", "");
    }

    long postgresPid() throws IOException {
        return Long.parseLong(Files.readAllLines(dataDir.resolve("postgres/postmaster.pid")).get(0).trim());
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        process.waitFor();
        if (keep) {
            return;
        }
        try (var files = Files.walk(dataDir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
