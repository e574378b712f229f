package io.callrecords.sources.asterisk.agent;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads the whole lines a file gained since last time, by offset, remembering the file's identity and the offset on
 * disk: a rotated file (another identity, or shorter than the offset) is read from its start.
 */
final class FileTail {

    private final Path file;
    private final Path state;
    private String identity;
    private long offset;

    /** @param fromEnd with no state yet, start at the file's end (its history is for an import, not for the agent) */
    FileTail(Path file, Path state, boolean fromEnd) throws IOException {
        this.file = file;
        this.state = state;
        if (Files.exists(state)) {
            String[] parts = Files.readString(state).strip().split(" ", 2);
            offset = Long.parseLong(parts[0]);
            identity = parts.length > 1 ? parts[1] : null;
        } else if (fromEnd && Files.exists(file)) {
            offset = Files.size(file);
            identity = identity(file);
        }
    }

    /** The new lines, and then {@link #commit()} once they are safe in the spool. */
    List<String> read() throws IOException {
        if (!Files.exists(file)) {
            // Not there yet: whatever appears later is new, from its first line.
            identity = null;
            pending = 0;
            return List.of();
        }
        String now = identity(file);
        long size = Files.size(file);
        if (!Objects.equals(now, identity) || size < offset) {
            identity = now;
            offset = 0;
        }
        List<String> lines = new ArrayList<>();
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            raf.seek(offset);
            byte[] buffer = new byte[(int) Math.min(size - offset, 8 * 1024 * 1024)];
            raf.readFully(buffer);
            int from = 0;
            for (int i = 0; i < buffer.length; i++) {
                if (buffer[i] == '\n') {
                    String line = new String(buffer, from, i - from, StandardCharsets.UTF_8).stripTrailing();
                    if (!line.isEmpty()) {
                        lines.add(line);
                    }
                    from = i + 1;
                }
            }
            pending = offset + from;
        }
        return lines;
    }

    private long pending = -1;

    void commit() throws IOException {
        if (pending < 0) {
            return;
        }
        offset = pending;
        Path tmp = state.resolveSibling(state.getFileName() + ".tmp");
        Files.writeString(tmp, offset + " " + identity);
        Files.move(tmp, state, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String identity(Path file) throws IOException {
        Object key = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
        return key == null ? "?" : key.toString().replace(' ', '_');
    }
}
