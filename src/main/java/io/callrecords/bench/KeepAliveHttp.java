package io.callrecords.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A lean HTTP/1.1 client (GET, and POST of a byte body) over persistent sockets, for load: java.net.http spends about
 * as much CPU per request as the service it measures, and on a two-core machine the load generator's CPU is taken
 * from the service. Idle connections are kept for reuse; one request at a time per connection.
 */
final class KeepAliveHttp implements AutoCloseable {

    /** An answer: its status, and its {@code Retry-After} (null when it had none). */
    record Answer(int status, String retryAfter) {}

    private final int port;
    private final int readTimeoutMillis;
    private final ConcurrentLinkedQueue<Connection> idle = new ConcurrentLinkedQueue<>();

    KeepAliveHttp(int port) {
        this(port, 0);
    }

    /** @param readTimeoutMillis the longest wait for any byte of an answer (0: no limit), so that a load ends by itself */
    KeepAliveHttp(int port, int readTimeoutMillis) {
        this.port = port;
        this.readTimeoutMillis = readTimeoutMillis;
    }

    /** Sends the GET and reads the whole answer; returns its status. */
    int get(String target, String bearer) throws IOException {
        return get(target, bearer, OutputStream.nullOutputStream());
    }

    /** Sends the GET and copies the answer's body to {@code body} as it arrives; returns the status. */
    int get(String target, String bearer, OutputStream body) throws IOException {
        return send("GET", target, bearer, null, null, body).status();
    }

    /** Sends the GET and reads the whole answer. */
    Answer exchange(String target, String bearer) throws IOException {
        return send("GET", target, bearer, null, null, OutputStream.nullOutputStream());
    }

    /** Sends a POST of {@code body} as {@code contentType} and reads the whole answer. */
    Answer post(String target, String bearer, String contentType, byte[] body) throws IOException {
        return send("POST", target, bearer, contentType, body, OutputStream.nullOutputStream());
    }

    private Answer send(String method, String target, String bearer, String contentType, byte[] requestBody,
                        OutputStream body) throws IOException {
        Connection connection = idle.poll();
        if (connection == null) {
            Socket socket = new Socket("127.0.0.1", port);
            socket.setSoTimeout(readTimeoutMillis);
            connection = new Connection(socket);
        }
        try {
            Answer answer = connection.send(method, target, bearer, contentType, requestBody, body);
            if (connection.closing) {
                connection.socket.close(); // the server ends a connection after so many requests (Tomcat: 100)
            } else {
                idle.add(connection);
            }
            return answer;
        } catch (IOException | RuntimeException e) {
            connection.socket.close();
            throw e;
        }
    }

    @Override
    public void close() throws IOException {
        for (Connection connection; (connection = idle.poll()) != null; ) {
            connection.socket.close();
        }
    }

    private final class Connection {
        final Socket socket;
        final InputStream in;
        final OutputStream out;
        final byte[] drain = new byte[64 * 1024];
        /** The last answer said {@code Connection: close}. */
        boolean closing;

        Connection(Socket socket) throws IOException {
            this.socket = socket;
            socket.setTcpNoDelay(true);
            this.in = new BufferedInputStream(socket.getInputStream(), 32 * 1024);
            this.out = new BufferedOutputStream(socket.getOutputStream(), 2 * 1024);
        }

        Answer send(String method, String target, String bearer, String contentType, byte[] requestBody,
                    OutputStream body) throws IOException {
            String head = method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nAuthorization: Bearer "
                    + bearer + "\r\nAccept: application/json\r\n";
            if (requestBody != null) {
                head += "Content-Type: " + contentType + "\r\nContent-Length: " + requestBody.length + "\r\n";
            }
            out.write((head + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            if (requestBody != null) {
                out.write(requestBody);
            }
            out.flush();
            String statusLine = line();
            int status = Integer.parseInt(statusLine.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            String retryAfter = null;
            for (String header; !(header = line()).isEmpty(); ) {
                String lower = header.toLowerCase(java.util.Locale.ROOT);
                if (lower.startsWith("retry-after:")) {
                    retryAfter = header.substring(12).trim();
                } else if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(lower.substring(15).trim());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                } else if (lower.startsWith("connection:") && lower.contains("close")) {
                    closing = true;
                }
            }
            if (chunked) {
                for (long size; (size = Long.parseLong(line().split(";")[0].trim(), 16)) > 0; ) {
                    copy(size, body);
                    line();
                }
                line(); // the empty line after the last chunk (no trailers are sent)
            } else if (length >= 0) {
                copy(length, body);
            } else {
                throw new IOException("An answer without length on a kept connection");
            }
            return new Answer(status, retryAfter);
        }

        private void copy(long bytes, OutputStream body) throws IOException {
            while (bytes > 0) {
                int n = in.read(drain, 0, (int) Math.min(drain.length, bytes));
                if (n < 0) {
                    throw new IOException("Connection closed mid-answer");
                }
                body.write(drain, 0, n);
                bytes -= n;
            }
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder(64);
            for (int c; (c = in.read()) != '\n'; ) {
                if (c < 0) {
                    throw new IOException("Connection closed");
                }
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        }
    }
}
