package io.callrecords.accounts;

import io.callrecords.shared.CallrecordsProperties;
import io.callrecords.shared.IpRange;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The address a request comes from, for the authentication throttle. It is the address of the connection as the
 * servlet container has it, never one that a filter read from a header (Spring's forwarded-header filter would take
 * {@code X-Forwarded-For} from anyone). Only when the connection comes from a configured trusted proxy
 * ({@code callrecords.auth.trusted-proxies}) is {@code X-Forwarded-For} read, from its right end: the first entry that
 * is not itself a trusted proxy is the client, as entries further left were written by whoever sent the request.
 */
@org.springframework.stereotype.Component
public class ClientAddresses {

    private final List<IpRange> trustedProxies;

    ClientAddresses(CallrecordsProperties properties) {
        this.trustedProxies = properties.auth().trustedProxies().stream().map(String::strip).filter(s -> !s.isEmpty())
                .map(IpRange::parse).toList();
    }

    public ClientAddress of(HttpServletRequest request) {
        String peer = connection(request).getRemoteAddr();
        byte[] address = bytes(peer);
        if (address == null) {
            return new ClientAddress(peer); // not an IP connection: counted by what the container says
        }
        if (trusted(address)) {
            for (String hop : forwardedFor(request)) {
                byte[] forwarded = bytes(hop);
                if (forwarded == null) {
                    break; // garbage: the last address a trusted proxy vouched for is the client
                }
                address = forwarded;
                if (!trusted(forwarded)) {
                    break;
                }
            }
        }
        return ClientAddress.of(address);
    }

    /** The container's own request, under any wrappers a filter put around it. */
    private static ServletRequest connection(ServletRequest request) {
        ServletRequest inner = request;
        while (inner instanceof ServletRequestWrapper wrapper) {
            inner = wrapper.getRequest();
        }
        return inner;
    }

    /** The entries of every {@code X-Forwarded-For} header, the nearest hop first. */
    private static List<String> forwardedFor(HttpServletRequest request) {
        List<String> hops = new ArrayList<>();
        for (String header : Collections.list(request.getHeaders("X-Forwarded-For"))) {
            for (String hop : header.split(",")) {
                hops.add(hop.strip());
            }
        }
        Collections.reverse(hops);
        return hops;
    }

    private boolean trusted(byte[] address) {
        try {
            InetAddress inet = InetAddress.getByAddress(address);
            return trustedProxies.stream().anyMatch(range -> range.contains(inet));
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** The bytes of an address literal (a zone is dropped), or null for anything else. */
    private static byte[] bytes(String literal) {
        if (literal == null || literal.isEmpty()) {
            return null;
        }
        int zone = literal.indexOf('%');
        try {
            return IpRange.parse(zone < 0 ? literal : literal.substring(0, zone)).network();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
