package io.callrecords.shared;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * A block of addresses in CIDR form ({@code 10.0.0.0/8}, {@code fc00::/7}); a single address is a
 * block of one. Parsing never asks DNS: only address literals are accepted.
 */
public record IpRange(String text, byte[] network, int prefix) {

    /** Four decimal numbers without leading zeros: the one IPv4 form every program reads alike. */
    private static final Pattern CANONICAL_IPV4 = Pattern.compile("(0|[1-9]\\d{0,2})(\\.(0|[1-9]\\d{0,2})){3}");
    private static final Pattern IPV6_CHARACTERS = Pattern.compile("[0-9a-fA-F:.]+");

    /** Reads {@code address[/prefix]}; throws {@link IllegalArgumentException} for anything else. */
    public static IpRange parse(String text) {
        String trimmed = text.strip();
        int slash = trimmed.indexOf('/');
        String address = slash < 0 ? trimmed : trimmed.substring(0, slash);
        byte[] bytes = literal(address);
        if (bytes == null) {
            throw new IllegalArgumentException("'" + text + "' is not an IP address or CIDR block");
        }
        if (bytes.length == 4 && address.contains(":")) {
            bytes = mapped(bytes); // Java reads ::ffff:a.b.c.d as IPv4; an IPv6 block keeps its 128 bits
        }
        int prefix = bytes.length * 8;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(trimmed.substring(slash + 1));
            } catch (NumberFormatException e) {
                prefix = -1;
            }
            if (prefix < 0 || prefix > bytes.length * 8) {
                throw new IllegalArgumentException("'" + text + "' has no valid prefix length");
            }
        }
        return new IpRange(trimmed, bytes, prefix);
    }

    /**
     * The bytes of an IPv4 literal in canonical dotted-quad form or of an IPv6 literal without a zone, or null when
     * {@code text} is neither. Never resolves: a host name, or a number in another form ({@code 0177.0.0.1},
     * {@code 2130706433}), is not a literal here, and {@link InetAddress} is only ever handed bracketed IPv6 text,
     * which it parses or refuses without asking DNS.
     */
    static byte[] literal(String text) {
        String address = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        return address.contains(":") ? ipv6(address) : canonicalIpv4(address);
    }

    private static byte[] canonicalIpv4(String text) {
        if (!CANONICAL_IPV4.matcher(text).matches()) {
            return null;
        }
        String[] parts = text.split("\\.");
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            int value = Integer.parseInt(parts[i]);
            if (value > 255) {
                return null;
            }
            bytes[i] = (byte) value;
        }
        return bytes;
    }

    private static byte[] ipv6(String text) {
        if (!IPV6_CHARACTERS.matcher(text).matches()) {
            return null; // a zone (%eth0) or anything else that is no plain address
        }
        String tail = text.substring(text.lastIndexOf(':') + 1);
        if (tail.contains(".") && canonicalIpv4(tail) == null) {
            return null; // ::ffff:010.0.0.1 would be read by one program as 10.0.0.1, by another as 8.0.0.1
        }
        try {
            return InetAddress.getByName("[" + text + "]").getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static byte[] mapped(byte[] ipv4) {
        byte[] out = new byte[16];
        out[10] = (byte) 0xff;
        out[11] = (byte) 0xff;
        System.arraycopy(ipv4, 0, out, 12, 4);
        return out;
    }

    public boolean contains(InetAddress address) {
        return contains(address.getAddress());
    }

    boolean contains(byte[] bytes) {
        if (bytes.length != network.length) {
            return false;
        }
        int whole = prefix / 8;
        for (int i = 0; i < whole; i++) {
            if (bytes[i] != network[i]) {
                return false;
            }
        }
        int rest = prefix % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xff << (8 - rest)) & 0xff;
        return (bytes[whole] & mask) == (network[whole] & mask);
    }

    @Override
    public String toString() {
        return text;
    }
}
