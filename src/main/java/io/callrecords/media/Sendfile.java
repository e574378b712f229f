package io.callrecords.media;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Tomcat's sendfile: a servlet names a file and a byte range in request attributes, returns, and
 * the connector sends those bytes with {@code FileChannel.transferTo} (the kernel copies from the
 * page cache to the socket; the JVM never sees them). Used when the connector offers it and the
 * object is a local file; otherwise the controller copies the stream itself.
 */
final class Sendfile {

    private static final String SUPPORTED = "org.apache.tomcat.sendfile.support";
    private static final String FILENAME = "org.apache.tomcat.sendfile.filename";
    private static final String START = "org.apache.tomcat.sendfile.start";
    private static final String END = "org.apache.tomcat.sendfile.end";

    private Sendfile() {}

    /** Hands the range to the connector; false when it cannot take it (the caller streams instead). */
    static boolean offer(HttpServletRequest request, Optional<Path> file, long first, long length) {
        if (!Boolean.TRUE.equals(request.getAttribute(SUPPORTED)) || file.isEmpty() || !Files.isReadable(file.get())) {
            return false;
        }
        request.setAttribute(FILENAME, file.get().toString());
        request.setAttribute(START, first);
        request.setAttribute(END, first + length); // exclusive
        return true;
    }
}
