package io.callrecords.webhooks;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The SSRF guard: outbound requests may not reach loopback, private, link-local (cloud metadata
 * included), CGNAT, unique-local, multicast or otherwise reserved addresses, unless the operator's
 * allow-list ({@code callrecords.outbound.allowed-hosts}: host names, addresses or CIDRs) names them.
 * It only decides; it never connects anywhere.
 */
final class AddressGuard {

    private record Range(Cidr cidr, String name) {}

    private static final List<Range> BLOCKED = List.of(
            range("0.0.0.0/8", "current-network"),
            range("127.0.0.0/8", "loopback"),
            range("10.0.0.0/8", "private"),
            range("172.16.0.0/12", "private"),
            range("192.168.0.0/16", "private"),
            range("100.64.0.0/10", "carrier-grade NAT"),
            range("169.254.169.254/32", "cloud metadata"),
            range("169.254.0.0/16", "link-local"),
            range("224.0.0.0/4", "multicast"),
            range("240.0.0.0/4", "reserved"),
            range("::/128", "unspecified"),
            range("::1/128", "loopback"),
            range("fc00::/7", "unique-local"),
            range("fe80::/10", "link-local"),
            range("fec0::/10", "site-local"),
            range("ff00::/8", "multicast"));
    /**
     * IPv6 forms that carry an IPv4 address (NAT64, IPv4-compatible; IPv4-mapped ones are checked by
     * their bytes, as the JDK usually turns them into IPv4 addresses already): the IPv4 address counts.
     */
    private static final List<Cidr> EMBEDDING_IPV4 = List.of(Cidr.parse("64:ff9b::/96"), Cidr.parse("::/96"));

    /** Whether a request may go to a host, and if not, why (fit for the delivery log). */
    record Decision(boolean allowed, String reason) {
        static final Decision ALLOWED = new Decision(true, null);
    }

    private final List<Cidr> allowedRanges = new ArrayList<>();
    private final List<String> allowedNames = new ArrayList<>();

    AddressGuard(List<String> allowList) {
        for (String entry : allowList) {
            if (entry.isBlank()) {
                continue;
            }
            if (Cidr.looksLikeAddress(entry)) {
                allowedRanges.add(Cidr.parse(entry));
            } else {
                allowedNames.add(entry.strip().toLowerCase(Locale.ROOT));
            }
        }
    }

    /** Checks every address the host resolved to: one blocked address refuses the host. */
    Decision check(String host, List<InetAddress> addresses) {
        if (addresses.isEmpty()) {
            return new Decision(false, host + " resolves to no address");
        }
        if (allowedNames.contains(host.toLowerCase(Locale.ROOT))) {
            return Decision.ALLOWED;
        }
        for (InetAddress address : addresses) {
            Optional<String> blocked = blockedRange(address);
            if (blocked.isPresent() && allowedRanges.stream().noneMatch(r -> r.contains(address))) {
                return new Decision(false, "refused: " + host + " resolves to " + address.getHostAddress()
                        + ", a " + blocked.get() + " address (allow it with CALLRECORDS_OUTBOUND_ALLOWED_HOSTS)");
            }
        }
        return Decision.ALLOWED;
    }

    /** The name of the blocked range an address falls in, if any. */
    static Optional<String> blockedRange(InetAddress address) {
        InetAddress effective = embeddedIpv4(address).orElse(address);
        return BLOCKED.stream().filter(r -> r.cidr().contains(effective)).map(Range::name).findFirst();
    }

    private static Optional<InetAddress> embeddedIpv4(InetAddress address) {
        if (!(address instanceof Inet6Address) || address.isLoopbackAddress() || address.isAnyLocalAddress()) {
            return Optional.empty();
        }
        byte[] bytes = address.getAddress();
        boolean mapped = Arrays.equals(Arrays.copyOfRange(bytes, 0, 12),
                new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff});
        if (!mapped && EMBEDDING_IPV4.stream().noneMatch(c -> c.contains(address))) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByAddress(Arrays.copyOfRange(bytes, 12, 16)));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static Range range(String cidr, String name) {
        return new Range(Cidr.parse(cidr), name);
    }
}
