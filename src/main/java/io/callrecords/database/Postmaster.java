package io.callrecords.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** What {@code postmaster.pid} says about a PostgreSQL server: its process id and port. */
record Postmaster(long pid, int port) {

    static Optional<Postmaster> read(Path pgDir) {
        Path pidFile = pgDir.resolve("postmaster.pid");
        try {
            List<String> lines = Files.readAllLines(pidFile);
            if (lines.size() < 4) {
                return Optional.of(new Postmaster(Long.parseLong(lines.getFirst().trim()), 0));
            }
            return Optional.of(new Postmaster(Long.parseLong(lines.get(0).trim()), Integer.parseInt(lines.get(3).trim())));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Alive and really a postgres: after a reboot the pid may belong to anything. */
    boolean alive() {
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .flatMap(p -> p.info().command())
                .map(command -> command.endsWith("postgres"))
                .orElse(false);
    }

    boolean awaitExit(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (alive()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }
}
