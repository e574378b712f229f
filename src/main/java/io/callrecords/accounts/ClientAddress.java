package io.callrecords.accounts;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * Whom the authentication throttle counts a request against: the client's IPv4 address, or the /64 of its IPv6
 * address (one subscriber usually has a whole /64, so counting single IPv6 addresses would let one client spread its
 * guesses over 2^64 of them).
 */
public record ClientAddress(String value) {

    /** The client of these address bytes (4 or 16; an IPv4-mapped IPv6 address counts as its IPv4 address). */
    static ClientAddress of(byte[] address) {
        byte[] bytes = address;
        if (bytes.length == 16 && isIpv4Mapped(bytes)) {
            bytes = Arrays.copyOfRange(bytes, 12, 16);
        }
        if (bytes.length == 16) {
            bytes = Arrays.copyOf(Arrays.copyOf(bytes, 8), 16);
            return new ClientAddress(text(bytes) + "/64");
        }
        return new ClientAddress(text(bytes));
    }

    private static boolean isIpv4Mapped(byte[] bytes) {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
    }

    private static String text(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e); // only for a length other than 4 or 16, which callers never pass
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
