package io.callrecords.shared;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The IPv4 addresses an IPv6 address carries, in each standard form that does: a connection to such an address may
 * end at the IPv4 one (the kernel, a NAT64 gateway, a 6to4, Teredo or ISATAP relay takes it there), so the SSRF guard
 * judges the IPv4 address too. {@code ::} and {@code ::1} are the IPv6 unspecified and loopback addresses, not
 * IPv4-compatible ones.
 */
record EmbeddedIpv4(byte[] ipv4, String description) {

    private static final IpRange MAPPED = IpRange.parse("::ffff:0:0/96");
    private static final IpRange TRANSLATED = IpRange.parse("::ffff:0:0:0/96");
    private static final IpRange COMPATIBLE = IpRange.parse("::/96");
    private static final IpRange NAT64 = IpRange.parse("64:ff9b::/96");
    static final IpRange LOCAL_NAT64 = IpRange.parse("64:ff9b:1::/48");
    private static final IpRange SIX_TO_FOUR = IpRange.parse("2002::/16");
    private static final IpRange TEREDO = IpRange.parse("2001::/32");

    /** Every IPv4 address inside {@code address} (16 bytes), with the form that carries it; empty for none. */
    static List<EmbeddedIpv4> in(byte[] address) {
        List<EmbeddedIpv4> found = new ArrayList<>();
        if (address.length != 16) {
            return found;
        }
        if (MAPPED.contains(address)) {
            found.add(lastBits(address, "an IPv4-mapped"));
        } else if (TRANSLATED.contains(address)) {
            found.add(lastBits(address, "an IPv4-translated"));
        } else if (COMPATIBLE.contains(address) && !unspecifiedOrLoopback(address)) {
            found.add(lastBits(address, "an IPv4-compatible"));
        } else if (NAT64.contains(address)) {
            found.add(lastBits(address, "a NAT64"));
        } else if (LOCAL_NAT64.contains(address) && inLastBitsOfLocalNat64(address)) {
            found.add(lastBits(address, "a local-use NAT64"));
        } else if (SIX_TO_FOUR.contains(address)) {
            found.add(new EmbeddedIpv4(Arrays.copyOfRange(address, 2, 6), "a 6to4"));
        } else if (TEREDO.contains(address)) {
            found.add(new EmbeddedIpv4(Arrays.copyOfRange(address, 4, 8), "the server part of a Teredo"));
            byte[] client = Arrays.copyOfRange(address, 12, 16);
            for (int i = 0; i < client.length; i++) {
                client[i] = (byte) ~client[i]; // Teredo stores the client's address with every bit flipped
            }
            found.add(new EmbeddedIpv4(client, "a Teredo"));
        }
        if (isatap(address)) {
            found.add(lastBits(address, "an ISATAP"));
        }
        return found;
    }

    /**
     * A local-use NAT64 prefix (RFC 8215) may put the IPv4 address at bits 48, 56, 64 or 96 (RFC 6052), as its
     * operator chose. Only the common /96 layout, with everything between prefix and address zero, is unambiguous:
     * in every other layout that address reads as 0.0.0.x, which the guard refuses anyway.
     */
    static boolean inLastBitsOfLocalNat64(byte[] address) {
        for (int i = 6; i < 12; i++) {
            if (address[i] != 0) {
                return false;
            }
        }
        return true;
    }

    /** What carries the address, in words: "a NAT64 address embedding 169.254.169.254". */
    String describe() {
        return description + " address embedding " + (ipv4[0] & 0xff) + "." + (ipv4[1] & 0xff) + "."
                + (ipv4[2] & 0xff) + "." + (ipv4[3] & 0xff);
    }

    private static EmbeddedIpv4 lastBits(byte[] address, String description) {
        return new EmbeddedIpv4(Arrays.copyOfRange(address, 12, 16), description);
    }

    private static boolean unspecifiedOrLoopback(byte[] address) {
        return (address[12] | address[13] | address[14]) == 0 && (address[15] == 0 || address[15] == 1);
    }

    /** An ISATAP interface identifier (RFC 5214): {@code 0000:5efe} or {@code 0200:5efe}, then the IPv4 address. */
    private static boolean isatap(byte[] address) {
        return (address[8] == 0 || address[8] == 2) && address[9] == 0 && address[10] == (byte) 0x5e
                && address[11] == (byte) 0xfe;
    }
}
