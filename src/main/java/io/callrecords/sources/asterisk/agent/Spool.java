package io.callrecords.sources.asterisk.agent;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The agent's durable queue: each item a line appended and forced to disk before it counts as taken, and the offset
 * of what the service acknowledged kept beside it (written whole, then moved in place). A crash or a kill -9 resends
 * at most what was sent but not yet marked, and the service keeps one of each (its documents are idempotent).
 */
final class Spool {

    /** Items read for sending, and the offset that marks them sent. */
    record Batch(List<String> lines, long end) {}

    private final Path file;
    private final Path offsetFile;
    private final FileChannel channel;

    Spool(Path dir) throws IOException {
        Files.createDirectories(dir);
        this.file = dir.resolve("spool.ndjson");
        this.offsetFile = dir.resolve("spool.offset");
        this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
    }

    synchronized void append(List<String> lines) throws IOException {
        if (lines.isEmpty()) {
            return;
        }
        StringBuilder text = new StringBuilder();
        lines.forEach(l -> text.append(l).append('\n'));
        channel.write(java.nio.ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8)));
        channel.force(false);
    }

    long acknowledged() throws IOException {
        return Files.exists(offsetFile) ? Long.parseLong(Files.readString(offsetFile).strip()) : 0;
    }

    /** How many bytes wait to be sent. */
    long behind() throws IOException {
        return Files.size(file) - acknowledged();
    }

    /** Up to {@code max} whole lines after the acknowledged offset. */
    Batch next(int max) throws IOException {
        long start = acknowledged();
        List<String> lines = new ArrayList<>();
        long end = start;
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            raf.seek(start);
            byte[] buffer = new byte[(int) Math.min(Math.max(0, raf.length() - start), 8 * 1024 * 1024)];
            raf.readFully(buffer);
            int from = 0;
            for (int i = 0; i < buffer.length && lines.size() < max; i++) {
                if (buffer[i] == '\n') {
                    lines.add(new String(buffer, from, i - from, StandardCharsets.UTF_8));
                    from = i + 1;
                    end = start + from;
                }
            }
        }
        return new Batch(lines, end);
    }

    void acknowledge(long offset) throws IOException {
        Path tmp = offsetFile.resolveSibling("spool.offset.tmp");
        Files.writeString(tmp, Long.toString(offset));
        try (FileChannel c = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            c.force(true);
        }
        Files.move(tmp, offsetFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
