package io.callrecords.shared;

import java.util.List;
import java.util.Optional;

/**
 * The address blocks the SSRF guard refuses: those of the IANA IPv4 and IPv6 special-purpose address registries that
 * are not globally reachable, and multicast. The forms that embed an IPv4 address (mapped, translated, NAT64, 6to4,
 * Teredo) are not listed: {@link EmbeddedIpv4} hands their IPv4 address to the guard instead.
 */
final class SpecialPurposeRanges {

    /** A refused block and what its addresses are, in words an operator recognises. */
    private record Refused(IpRange range, String kind) {
        Refused(String range, String kind) {
            this(IpRange.parse(range), kind);
        }
    }

    // The metadata address comes before its link-local block, the broadcast address before its reserved block, so
    // that the message names them.
    private static final List<Refused> REFUSED = List.of(
            new Refused("169.254.169.254/32", "a cloud metadata address"),
            new Refused("127.0.0.0/8", "a loopback address"),
            new Refused("::1/128", "a loopback address"),
            new Refused("10.0.0.0/8", "a private address"),
            new Refused("172.16.0.0/12", "a private address"),
            new Refused("192.168.0.0/16", "a private address"),
            new Refused("fc00::/7", "a private (unique-local) address"),
            new Refused("fec0::/10", "a private (site-local) address"),
            new Refused("169.254.0.0/16", "a link-local address"),
            new Refused("fe80::/10", "a link-local address"),
            new Refused("100.64.0.0/10", "a carrier-grade NAT address"),
            new Refused("0.0.0.0/8", "a \"this network\" address"),
            new Refused("::/128", "the unspecified address"),
            new Refused("224.0.0.0/4", "a multicast address"),
            new Refused("ff00::/8", "a multicast address"),
            new Refused("255.255.255.255/32", "the broadcast address"),
            new Refused("192.0.0.0/24", "a reserved (IETF protocol assignments) address"),
            new Refused("192.0.2.0/24", "a reserved (documentation) address"),
            new Refused("198.51.100.0/24", "a reserved (documentation) address"),
            new Refused("203.0.113.0/24", "a reserved (documentation) address"),
            new Refused("198.18.0.0/15", "a reserved (benchmarking) address"),
            new Refused("192.88.99.0/24", "a reserved (former 6to4 relay) address"),
            new Refused("240.0.0.0/4", "a reserved address"),
            new Refused("100::/64", "a discard-only address"),
            new Refused("2001:2::/48", "a reserved (benchmarking) address"),
            new Refused("2001:10::/28", "a reserved (ORCHID) address"),
            new Refused("2001:20::/28", "a reserved (ORCHIDv2) address"),
            new Refused("2001:db8::/32", "a reserved (documentation) address"),
            new Refused("3fff::/20", "a reserved (documentation) address"),
            new Refused("5f00::/16", "a reserved (segment routing) address"));

    private SpecialPurposeRanges() {}

    /** What the address of these bytes is, with its block ("a loopback address (127.0.0.0/8)"), when refused. */
    static Optional<String> refused(byte[] bytes) {
        return REFUSED.stream().filter(r -> r.range().contains(bytes)).findFirst()
                .map(r -> r.kind() + " (" + r.range().text() + ")");
    }
}
