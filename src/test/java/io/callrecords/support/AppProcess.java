package io.callrecords.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The service as a separate JVM, for what only a real process shows: a normal stop, a
 * {@code kill -9}, two processes on one data directory.
 */
public final class AppProcess implements AutoCloseable {

    private final Process process;
    private final Path log;
    private final int port;

    private AppProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Starts {@code callrecords serve} on the data directory; does not wait for it. */
    public static AppProcess launch(Path dataDir, Map<String, String> environment) {
        return launch(dataDir, environment, List.of());
    }

    /** The same with extra JVM options, after the defaults (so {@code -Xmx...} there wins). */
    public static AppProcess launch(Path dataDir, Map<String, String> environment, List<String> jvmOptions) {
        List<String> main = List.of("-cp", System.getProperty("java.class.path"), "io.callrecords.CallrecordsApplication");
        return launch(dataDir, environment, jvmOptions, main);
    }

    /** Starts {@code java -jar JAR serve}: the artifact as it ships, with only what it carries on its class path. */
    public static AppProcess launchJar(Path jar, Path dataDir) {
        return launch(dataDir, Map.of(), List.of(), List.of("-jar", jar.toString()));
    }

    private static AppProcess launch(Path dataDir, Map<String, String> environment, List<String> jvmOptions,
                                     List<String> main) {
        try {
            int port = freePort();
            Path log = Files.createTempFile("callrecords-app", ".log");
            List<String> command = new ArrayList<>(List.of(
                    ProcessHandle.current().info().command().orElse("java"),
                    "-Xmx256m", "-Duser.timezone=Asia/Kolkata"));
            command.addAll(jvmOptions);
            command.addAll(main);
            command.add("serve");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().put("CALLRECORDS_DATA_DIR", dataDir.toString());
            builder.environment().put("SERVER_PORT", Integer.toString(port));
            builder.environment().putAll(environment);
            return new AppProcess(builder.start(), log, port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the service and waits until it is ready. */
    public static AppProcess start(Path dataDir) {
        AppProcess app = launch(dataDir, Map.of());
        app.awaitReady(Duration.ofSeconds(120));
        return app;
    }

    public void awaitReady(Duration timeout) {
        Api api = new Api(port);
        try {
            await().atMost(timeout).pollInterval(Duration.ofMillis(200)).until(() -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException("The app exited with " + process.exitValue() + ":\n" + log());
                }
                try {
                    return api.get("/actuator/health/readiness", null).status() == 200;
                } catch (IllegalStateException notYet) {
                    return false; // connection refused while starting
                }
            });
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException("The app was not ready in " + timeout + ":\n" + log());
        }
    }

    public int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("The app did not exit in " + timeout + ":\n" + log());
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A normal stop (SIGTERM), waiting for the process to end. */
    public void stop() {
        process.destroy();
        awaitExit(Duration.ofSeconds(60));
    }

    /** {@code kill -9}: no shutdown hook runs, the embedded PostgreSQL is left behind. */
    public void kill() {
        process.destroyForcibly();
        awaitExit(Duration.ofSeconds(30));
    }

    public Api api() {
        return new Api(port);
    }

    public int port() {
        return port;
    }

    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            stop();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
