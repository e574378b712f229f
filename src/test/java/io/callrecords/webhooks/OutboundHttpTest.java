package io.callrecords.webhooks;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callrecords.shared.OutboundGuard;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The outbound client on its own, against a loopback port nobody listens on. */
class OutboundHttpTest {

    @Test
    void anHttpsEndpointNamedByAnIpv6AddressFailsAsAConnectionNotAsABadServerName() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        OutboundGuard guard = new OutboundGuard(List.of("::1"), host -> {
            throw new UnknownHostException(host);
        });
        try (OutboundHttp http = new OutboundHttp(guard, Duration.ofSeconds(1), Duration.ofSeconds(2))) {
            assertThatThrownBy(() -> http.post(URI.create("https://[::1]:" + closed + "/hook"), Map.of(), new byte[0]))
                    .isInstanceOf(IOException.class);
        }
    }
}
