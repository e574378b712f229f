package io.callrecords.sources.asterisk.agent;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A small AMI client (research §1.3): AMI is {@code Key: Value} lines, a blank line ending each message. Every field is
 * kept as it came, so a field this reader does not know (a newer Asterisk's) still reaches the service.
 */
final class AmiConnection implements Closeable {

    /** AMI refused the user name or secret: retrying cannot help. */
    static final class Refused extends IOException {
        Refused(String message) {
            super(message);
        }
    }

    private final Socket socket;
    private final BufferedReader in;
    private final OutputStream out;

    private AmiConnection(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        this.out = socket.getOutputStream();
    }

    static AmiConnection open(String host, int port, String user, String secret) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(host, port), 10_000);
        AmiConnection ami = new AmiConnection(socket);
        try {
            String banner = ami.in.readLine();
            if (banner == null || !banner.startsWith("Asterisk Call Manager")) {
                throw new IOException("the server at " + host + ":" + port + " is not AMI (it said: " + banner + ")");
            }
            ami.send("Action: Login\r\nUsername: " + user + "\r\nSecret: " + secret + "\r\nEvents: on\r\n"
                    + "ActionID: callrecords-login\r\n\r\n");
            while (true) {
                Map<String, String> reply = ami.next();
                if (reply == null) {
                    throw new IOException("AMI closed the connection during the login");
                }
                if (reply.containsKey("Response")) {
                    if (!reply.get("Response").equalsIgnoreCase("Success")) {
                        throw new Refused(reply.getOrDefault("Message", "Authentication failed"));
                    }
                    return ami;
                }
            }
        } catch (IOException | RuntimeException e) {
            ami.close();
            throw e;
        }
    }

    /** The next message, fields in order; null at the end of the stream. */
    Map<String, String> next() throws IOException {
        Map<String, String> message = new LinkedHashMap<>();
        String line;
        while ((line = in.readLine()) != null) {
            if (line.isEmpty()) {
                if (!message.isEmpty()) {
                    return message;
                }
                continue;
            }
            int colon = line.indexOf(':');
            if (colon > 0) {
                message.putIfAbsent(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
            }
        }
        return message.isEmpty() ? null : message;
    }

    /** Whether another message is already waiting, so a batch can grow before it is forced to disk. */
    boolean more() throws IOException {
        return in.ready();
    }

    private void send(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
