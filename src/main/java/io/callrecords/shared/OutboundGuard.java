package io.callrecords.shared;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
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
 * or CIDR blocks): every address of the IANA special-purpose registries that is not globally reachable, and
 * multicast ({@link SpecialPurposeRanges}: loopback, private, link-local with the cloud metadata address,
 * CGNAT, "this network", documentation, benchmarking, reserved, unique-local, site-local, discard-only, ORCHID ...);
 * an IPv6 address that embeds an IPv4 one (mapped, compatible, translated, NAT64, 6to4, Teredo, ISATAP) is
 * judged by that IPv4 address as well ({@link EmbeddedIpv4}). Hosts written as numbers in another form than a
 * canonical dotted quad ({@link NumericHost}), IPv6 addresses with a zone and malformed IPv6 addresses are
 * refused without being resolved. The guard decides on addresses; it never connects anywhere.
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

    private static final String ALLOW_HINT = ", which the service may not reach; an operator may allow it with"
            + " CALLRECORDS_OUTBOUND_ALLOWED_HOSTS (callrecords.outbound.allowed-hosts)";

    private final Set<String> allowedNames;
    private final List<IpRange> allowedRanges;
    private final Resolver resolver;

    /**
     * @param allowed host names, addresses or CIDR blocks that may be reached although refused by default
     * @throws IllegalArgumentException for an entry that is a number in another form than a dotted quad, or no
     *                                  valid address although it looks like one
     */
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
            } else if (value.contains(":") || NumericHost.endsInNumber(normalise(value))) {
                throw new IllegalArgumentException("callrecords.outbound.allowed-hosts: '" + value + "' is neither a"
                        + " host name nor an address written canonically (four decimal numbers a.b.c.d, or IPv6)");
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
     * @throws Refused when one of them may not (a host that mixes public and private answers is refused whole), or
     *                 the host is written in a form the guard refuses to read
     * @throws UnknownHostException when the host does not resolve
     */
    public List<InetAddress> check(String host) throws UnknownHostException {
        String name = normalise(host);
        byte[] literal = readable(host, name);
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
                        + ALLOW_HINT);
            }
        }
        return addresses;
    }

    /**
     * What can be decided without DNS, for checks at the time a URL is accepted: the host's form, and for an
     * address literal the address. A host name is let through here; {@link #check} judges its answers at every
     * connection.
     *
     * @throws Refused when the form or the literal address is refused
     */
    public void checkWithoutResolving(String host) throws Refused {
        String name = normalise(host);
        byte[] literal = readable(host, name);
        if (literal != null && !allowedNames.contains(name)) {
            Optional<String> why = refusal(literal);
            if (why.isPresent()) {
                throw new Refused("The host " + host + " is " + why.get() + ALLOW_HINT);
            }
        }
    }

    /** Whether {@code host} is an IP address written out (then {@link #check} decides without resolving). */
    public static boolean isAddressLiteral(String host) {
        return IpRange.literal(normalise(host)) != null;
    }

    /** The address of a literal host, null for a host name; refuses forms that programs read differently. */
    private static byte[] readable(String host, String name) throws Refused {
        byte[] literal = IpRange.literal(name);
        if (literal != null) {
            return literal;
        }
        if (name.contains("%")) {
            throw new Refused("The host " + host + " is an IPv6 address with a zone (%...), which names a network"
                    + " interface of the machine; the service reaches no such address");
        }
        if (name.contains(":")) {
            throw new Refused("The host " + host + " is not a valid IPv6 address");
        }
        if (NumericHost.endsInNumber(name)) {
            throw new Refused("The host " + host + " is written as a number, but not as four decimal numbers"
                    + " (a.b.c.d, each 0 to 255, without leading zeros): octal, hexadecimal, a single integer and short"
                    + " forms are read as different addresses by different programs, so the service does not guess;"
                    + " write the address as four decimal numbers");
        }
        return null;
    }

    /** Why the address of these bytes may not be reached, or empty when it may. */
    private Optional<String> refusal(byte[] bytes) {
        if (allowedRanges.stream().anyMatch(r -> r.contains(bytes))) {
            return Optional.empty();
        }
        for (EmbeddedIpv4 embedded : EmbeddedIpv4.in(bytes)) {
            Optional<String> why = refusal(embedded.ipv4());
            if (why.isPresent()) {
                return Optional.of("the IPv6 form of " + why.get() + ": " + embedded.describe());
            }
        }
        if (EmbeddedIpv4.LOCAL_NAT64.contains(bytes) && !EmbeddedIpv4.inLastBitsOfLocalNat64(bytes)) {
            return Optional.of("a local-use NAT64 address (64:ff9b:1::/48) whose IPv4 address is not in its last 32"
                    + " bits, where the guard cannot tell it");
        }
        return SpecialPurposeRanges.refused(bytes);
    }

    private static String normalise(String host) {
        String name = host.strip().toLowerCase(Locale.ROOT);
        if (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        return name.startsWith("[") && name.endsWith("]") ? name.substring(1, name.length() - 1) : name;
    }
}
