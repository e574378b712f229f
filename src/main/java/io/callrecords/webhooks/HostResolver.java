package io.callrecords.webhooks;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Turns a host name into addresses. Webhook requests resolve through this themselves, check every
 * address, then connect to a checked one, so a name that re-resolves between check and connect
 * (DNS rebinding) cannot reach a blocked address. Tests replace it with a fake.
 */
@FunctionalInterface
public interface HostResolver {

    List<InetAddress> resolve(String host) throws UnknownHostException;

    /** The system resolver (DNS, hosts file); an IP literal is returned as it is. */
    static HostResolver system() {
        return host -> List.of(InetAddress.getAllByName(host));
    }
}
