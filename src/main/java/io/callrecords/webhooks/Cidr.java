package io.callrecords.webhooks;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** An address range ({@code 10.0.0.0/8}, {@code fc00::/7}); a bare address is a range of one. */
record Cidr(byte[] network, int prefix) {

    static Cidr parse(String text) {
        String[] parts = text.strip().split("/", 2);
        byte[] network = literal(parts[0]);
        int bits = network.length * 8;
        int prefix = parts.length == 1 ? bits : Integer.parseInt(parts[1]);
        if (prefix < 0 || prefix > bits) {
            throw new IllegalArgumentException("'" + text + "' has a prefix outside 0.." + bits);
        }
        return new Cidr(network, prefix);
    }

    /** True when {@code text} looks like an IP address or range rather than a host name. */
    static boolean looksLikeAddress(String text) {
        return text.contains(":") || text.contains("/") || text.strip().matches("[0-9.]+");
    }

    boolean contains(InetAddress address) {
        byte[] candidate = address.getAddress();
        if (candidate.length != network.length) {
            return false;
        }
        int whole = prefix / 8;
        for (int i = 0; i < whole; i++) {
            if (candidate[i] != network[i]) {
                return false;
            }
        }
        int rest = prefix % 8;
        if (rest == 0) {
            return true;
        }
        int mask = 0xff << (8 - rest) & 0xff;
        return (candidate[whole] & mask) == (network[whole] & mask);
    }

    /** Parses an IP literal without any name lookup (a name here is an error, never a DNS query). */
    private static byte[] literal(String text) {
        String bare = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        if (!looksLikeAddress(bare)) {
            throw new IllegalArgumentException("'" + text + "' is not an IP address");
        }
        try {
            return InetAddress.getByName(bare).getAddress(); // a literal: parsed, not resolved
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("'" + text + "' is not an IP address", e);
        }
    }
}
