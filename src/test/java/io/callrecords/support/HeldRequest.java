package io.callrecords.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A request the test keeps inside the app: its headers and the first half of its body are sent, the rest only on
 * {@link #finish()}. Until then the app waits for the body inside the controller, so the request holds whatever it
 * took on the way in (its admission turn) for exactly as long as the test wants, over real HTTP and with no sleep.
 */
public final class HeldRequest implements AutoCloseable {

    /** The answer once the body was finished: status and the whole raw response. */
    public record Answer(int status, String raw) {}

    private final Socket socket;
    private final byte[] rest;

    private HeldRequest(Socket socket, byte[] rest) {
        this.socket = socket;
        this.rest = rest;
    }

    /** Starts {@code POST path} with a JSON body, sending all but its second half. */
    public static HeldRequest post(int port, String path, String key, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        int half = body.length / 2;
        try {
            Socket socket = new Socket("127.0.0.1", port);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nAuthorization: Bearer " + key
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(body, 0, half);
            out.flush();
            return new HeldRequest(socket, Arrays.copyOfRange(body, half, body.length));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends the rest of the body and reads the answer. */
    public Answer finish() {
        try {
            OutputStream out = socket.getOutputStream();
            out.write(rest);
            out.flush();
            InputStream in = socket.getInputStream();
            String raw = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new Answer(Integer.parseInt(raw.substring(9, 12)), raw);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
