package io.callrecords.shared;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The SSRF guard of every connection the service opens to an address its clients named (a webhook
 * URL, a media {@code source_url}). A host is resolved once, every address it resolves to is
 * checked, and the caller connects to the checked addresses only, sending the original host name
 * (Host header, TLS SNI): a second lookup could answer differently (DNS rebinding).
 *
 * <p>Refused unless allow-listed ({@code callrecords.outbound.allowed-hosts}: host names, addresses
 * or CIDR blocks): loopback, private, link-local (cloud metadata at 169.254.169.254), CGNAT,
 * "this network", benchmarking, reserved and multicast ranges, the IPv6 unspecified, loopback,
 * unique-local, link-local, site-local and multicast ranges, and IPv6 forms that embed an IPv4
 * address (mapped, compatible, NAT64, 6to4) of a refused one.
 */
public final class OutboundGuard {

    /** How host names become addresses; tests substitute their own so that no test depends on DNS. */
    @FunctionalInterface
    public interface Resolver {
        List<InetAddress> resolve(String host) throws UnknownHostException;

        Resolver SYSTEM = host -> List.of(InetAddress.getAllByName(host));
    }

    /**
     * A host the guard will not let the service reach. An {@link UnknownHostException}, so that it
     * passes through HTTP clients' resolver hooks, which may throw nothing else.
     */
    public static final class Refused extends UnknownHostException {
        public Refused(String message) {
            super(message);
        }
    }

    /** A refused block and what its addresses are, in words an operator recognises. */
    private record RefusedRange(IpRange range, String kind) {
        RefusedRange(String range, String kind) {
            this(IpRange.parse(range), kind);
        }
    }

    // The metadata address comes before its link-local block so that the message names it.
    private static final List<RefusedRange> REFUSED = List.of(
            new RefusedRange("169.254.169.254/32", "a cloud metadata address"),
            new RefusedRange("127.0.0.0/8", "a loopback address"),
            new RefusedRange("::1/128", "a loopback address"),
            new RefusedRange("10.0.0.0/8", "a private address"),
            new RefusedRange("172.16.0.0/12", "a private address"),
            new RefusedRange("192.168.0.0/16", "a private address"),
            new RefusedRange("fc00::/7", "a private (unique-local) address"),
            new RefusedRange("fec0::/10", "a private (site-local) address"),
            new RefusedRange("169.254.0.0/16", "a link-local address"),
            new RefusedRange("fe80::/10", "a link-local address"),
            new RefusedRange("100.64.0.0/10", "a carrier-grade NAT address"),
            new RefusedRange("0.0.0.0/8", "a \"this network\" address"),
            new RefusedRange("::/128", "the unspecified address"),
            new RefusedRange("224.0.0.0/4", "a multicast address"),
            new RefusedRange("ff00::/8", "a multicast address"),
            new RefusedRange("192.0.0.0/24", "a reserved address"),
            new RefusedRange("192.0.2.0/24", "a reserved (documentation) address"),
            new RefusedRange("198.51.100.0/24", "a reserved (documentation) address"),
            new RefusedRange("203.0.113.0/24", "a reserved (documentation) address"),
            new RefusedRange("198.18.0.0/15", "a reserved (benchmarking) address"),
            new RefusedRange("240.0.0.0/4", "a reserved address"));
    private static final IpRange MAPPED = IpRange.parse("::ffff:0:0/96");
    private static final IpRange COMPATIBLE = IpRange.parse("::/96");
    private static final IpRange NAT64 = IpRange.parse("64:ff9b::/96");
    private static final IpRange SIX_TO_FOUR = IpRange.parse("2002::/16");

    private final Set<String> allowedNames;
    private final List<IpRange> allowedRanges;
    private final Resolver resolver;

    /** @param allowed host names, addresses or CIDR blocks that may be reached although refused by default */
    public OutboundGuard(List<String> allowed, Resolver resolver) {
        this.resolver = resolver;
        List<IpRange> ranges = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (String entry : allowed) {
            String value = entry.strip();
            if (value.isEmpty()) {
                continue;
            }
            if (value.contains("/") || IpRange.literal(value) != null) {
                ranges.add(IpRange.parse(value));
            } else {
                names.add(normalise(value));
            }
        }
        this.allowedNames = Set.copyOf(names);
        this.allowedRanges = List.copyOf(ranges);
    }

    /**
     * Resolves {@code host} and returns its addresses when every one of them may be reached.
     *
     * @throws Refused when one of them may not (a host that mixes public and private answers is refused whole)
     * @throws UnknownHostException when the host does not resolve
     */
    public List<InetAddress> check(String host) throws UnknownHostException {
        String name = normalise(host);
        byte[] literal = IpRange.literal(name);
        List<InetAddress> addresses = literal != null
                ? List.of(InetAddress.getByAddress(name, literal))
                : resolver.resolve(name);
        if (addresses.isEmpty()) {
            throw new UnknownHostException(host + " has no address");
        }
        if (allowedNames.contains(name)) {
            return addresses;
        }
        for (InetAddress address : addresses) {
            Optional<String> why = refusal(address.getAddress());
            if (why.isPresent()) {
                throw new Refused("The host " + host + " resolves to " + address.getHostAddress() + ", " + why.get()
                        + ", which the service may not reach; an operator may allow it with"
                        + " CALLRECORDS_OUTBOUND_ALLOWED_HOSTS (callrecords.outbound.allowed-hosts)");
            }
        }
        return addresses;
    }

    /** Whether {@code host} is an IP address written out (then {@link #check} decides without resolving). */
    public static boolean isAddressLiteral(String host) {
        return IpRange.literal(normalise(host)) != null;
    }

    /** Why the address of these bytes may not be reached, or empty when it may. */
    private Optional<String> refusal(byte[] bytes) {
        if (allowedRanges.stream().anyMatch(r -> r.contains(bytes))) {
            return Optional.empty();
        }
        byte[] embedded = embeddedIpv4(bytes);
        if (embedded != null) {
            return refusal(embedded).map(why -> "the IPv6 form of " + why);
        }
        return REFUSED.stream().filter(r -> r.range().contains(bytes)).findFirst()
                .map(r -> r.kind() + " (" + r.range().text() + ")");
    }

    /** The IPv4 address inside an IPv4-mapped, -compatible, NAT64 or 6to4 address; null for any other. */
    private static byte[] embeddedIpv4(byte[] bytes) {
        if (bytes.length != 16) {
            return null;
        }
        if (SIX_TO_FOUR.contains(bytes)) {
            return Arrays.copyOfRange(bytes, 2, 6);
        }
        boolean unspecifiedOrLoopback = COMPATIBLE.contains(bytes) && (bytes[12] | bytes[13] | bytes[14]) == 0
                && (bytes[15] == 0 || bytes[15] == 1);
        if (MAPPED.contains(bytes) || NAT64.contains(bytes) || (COMPATIBLE.contains(bytes) && !unspecifiedOrLoopback)) {
            return Arrays.copyOfRange(bytes, 12, 16);
        }
        return null;
    }

    private static String normalise(String host) {
        String name = host.strip().toLowerCase(Locale.ROOT);
        if (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        return name.startsWith("[") && name.endsWith("]") ? name.substring(1, name.length() - 1) : name;
    }
}
