package io.callrecords.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL on a persistent data directory.
 *
 * <p>Ownership of the data directory is an exclusive file lock ({@code callrecords.lock}) held
 * for the life of the process, so a crash releases it by itself. Whoever gets the lock and finds
 * a postmaster still alive knows it is an orphan of a killed process: it is shut down (a fast
 * shutdown checkpoints everything committed) before the server is started again. A process that
 * cannot get the lock, such as a CLI command run beside the service, may attach to the running
 * server instead. Operators may add or override server settings ({@code callrecords.db.embedded-settings}),
 * except that durability is not theirs to turn off: fsync and synchronous_commit stay on.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final Duration ORPHAN_SHUTDOWN_WAIT = Duration.ofSeconds(60);

    private final EmbeddedPostgres postgres;
    private final FileChannel lockChannel;
    private final int port;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, FileChannel lockChannel, int port) {
        this.postgres = postgres;
        this.lockChannel = lockChannel;
        this.port = port;
    }

    /**
     * Starts the server on {@code pgDir} (created and initialised when new), or attaches to the one a
     * live process already runs there when {@code mayAttach}.
     */
    public static EmbeddedPostgresServer start(Path pgDir, int port, Duration startupWait, boolean mayAttach,
                                               Map<String, String> extraSettings) {
        try {
            Files.createDirectories(pgDir.getParent());
            FileChannel channel = FileChannel.open(pgDir.resolveSibling("callrecords.lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                return attach(pgDir, mayAttach);
            }
            stopOrphan(pgDir);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(pgDir.toFile())
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setPGStartupWait(startupWait)
                    .setRegisterShutdownHook(false)
                    // Durable: a commit acknowledged to a client survives a crash of the machine.
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("max_connections", "64")
                    // Intake locks every call (and number) a request touches: room for several large
                    // batches at once (64 x 1280 lock slots, about 20 MB of shared memory).
                    .setServerConfig("max_locks_per_transaction", "1280")
                    .setServerConfig("timezone", "UTC")
                    // Room for bulk intake: fewer forced checkpoints, a larger cache than initdb's.
                    .setServerConfig("shared_buffers", "256MB")
                    .setServerConfig("max_wal_size", "2GB")
                    .setServerConfig("checkpoint_timeout", "15min");
            extraSettings.forEach(builder::setServerConfig);
            EmbeddedPostgres postgres = builder.start();
            log.info("Embedded PostgreSQL is running on port {} with data in {}", postgres.getPort(), pgDir.toAbsolutePath());
            return new EmbeddedPostgresServer(postgres, channel, postgres.getPort());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + pgDir.toAbsolutePath(), e);
        }
    }

    /**
     * Whether a live process holds the data directory {@code dataDir} (its {@code callrecords.lock}): asked before
     * starting, so that a second service or demo on it is refused in one sentence. Creates nothing.
     */
    public static boolean inUse(Path dataDir) {
        Path lockFile = dataDir.resolve("callrecords.lock");
        if (!Files.exists(lockFile)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (IOException e) {
            return false; // unreadable: the start itself will say what is wrong
        }
    }

    private static EmbeddedPostgresServer attach(Path pgDir, boolean mayAttach) {
        Optional<Postmaster> running = Postmaster.read(pgDir).filter(Postmaster::alive);
        if (!mayAttach || running.isEmpty()) {
            throw new IllegalStateException("Another Callrecords process is using the data directory "
                    + pgDir.getParent().toAbsolutePath() + "; stop it first or set CALLRECORDS_DATA_DIR to another folder.");
        }
        log.info("Using the embedded PostgreSQL of the running service on port {}", running.get().port());
        return new EmbeddedPostgresServer(null, null, running.get().port());
    }

    /** A postmaster left by a process that was killed keeps running and holds the data directory. */
    private static void stopOrphan(Path pgDir) throws IOException {
        Optional<Postmaster> left = Postmaster.read(pgDir);
        if (left.isEmpty()) {
            return;
        }
        Postmaster postmaster = left.get();
        if (!postmaster.alive()) {
            // A stale pid file: PostgreSQL would also refuse to start if the pid were reused.
            Files.deleteIfExists(pgDir.resolve("postmaster.pid"));
            log.warn("Removed the stale postmaster.pid of a PostgreSQL that stopped uncleanly; it recovers from its WAL now");
            return;
        }
        log.warn("Shutting down the orphaned embedded PostgreSQL (pid {}) left by a previous run", postmaster.pid());
        signal(postmaster.pid(), "INT"); // fast shutdown: ends sessions, checkpoints, exits
        if (!postmaster.awaitExit(ORPHAN_SHUTDOWN_WAIT)) {
            signal(postmaster.pid(), "QUIT"); // immediate: committed data is in the WAL either way
            postmaster.awaitExit(ORPHAN_SHUTDOWN_WAIT);
        }
    }

    private static void signal(long pid, String signal) throws IOException {
        try {
            new ProcessBuilder(List.of("kill", "-" + signal, Long.toString(pid))).inheritIO().start().waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while stopping PostgreSQL pid " + pid, e);
        }
    }

    public int port() {
        return port;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    /** Whether this process started the server (and stops it), rather than attaching to another's. */
    public boolean owned() {
        return postgres != null;
    }

    @Override
    public void close() {
        if (postgres == null) {
            return;
        }
        try {
            postgres.close();
            lockChannel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
