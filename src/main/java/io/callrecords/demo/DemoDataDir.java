package io.callrecords.demo;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The demo's data directory: the service's usual data (the embedded database) plus {@code demo.properties}.
 * That file is also what makes a directory a demo's: the demo never fills, nor deletes, a directory without it
 * that holds anything, so pointing it at a real data directory by mistake does no harm.
 */
final class DemoDataDir {

    static final String MARKER = "demo.properties";

    private final Path dir;

    DemoDataDir(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    Path path() {
        return dir;
    }

    /** Holds something, but not a demo's marker: somebody else's data. */
    boolean holdsOtherData() {
        if (!Files.isDirectory(dir) || Files.exists(dir.resolve(MARKER))) {
            return false;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isPresent();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Optional<DemoState> state() {
        Path marker = dir.resolve(MARKER);
        if (!Files.exists(marker)) {
            return Optional.empty();
        }
        try (Reader in = Files.newBufferedReader(marker)) {
            Properties p = new Properties();
            p.load(in);
            return Optional.of(DemoState.of(p));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // unreadable: treated as a directory to start over in
        }
    }

    /** Saves the state; the file holds an API key, so only its owner may read it where the file system allows. */
    void save(DemoState state) {
        try {
            Files.createDirectories(dir);
            Path marker = dir.resolve(MARKER);
            try (Writer out = Files.newBufferedWriter(marker)) {
                state.toProperties().store(out, "Callrecords demo: delete this directory to forget the demo");
            }
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(marker, PosixFilePermissions.fromString("rw-------"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes the directory, which must be a demo's (or empty): {@code --fresh}. */
    void wipe() {
        if (!Files.exists(dir)) {
            return;
        }
        if (holdsOtherData()) {
            throw new IllegalStateException("refusing to delete " + dir + ": it is not a demo's data directory");
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
