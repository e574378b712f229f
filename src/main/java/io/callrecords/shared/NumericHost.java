package io.callrecords.shared;

import java.util.regex.Pattern;

/**
 * Host names that are numbers in a form other than the canonical dotted quad: {@code 0177.0.0.1} (octal),
 * {@code 0x7f.1} (hexadecimal, short), {@code 2130706433} (one integer), {@code 127.1}, {@code 010.0.0.1}. Programs
 * disagree on them: C's {@code inet_aton}, curl and browsers read {@code 0177.0.0.1} as 127.0.0.1, Java as
 * 177.0.0.1; a URL parser per the WHATWG standard reads any host whose last label is a number as an IPv4 address.
 * The guard refuses them rather than guess which reading the connection will use.
 */
final class NumericHost {

    private static final Pattern NUMBER_LABEL = Pattern.compile("\\d+|0x[0-9a-f]*");

    private NumericHost() {}

    /**
     * Whether {@code host} (lower case, without a trailing dot or brackets) ends in a number, as the WHATWG URL
     * standard says of IPv4 hosts, and so is read as an address by some program. A canonical dotted quad does too:
     * ask this only of hosts that are not address literals.
     */
    static boolean endsInNumber(String host) {
        if (host.contains(":")) {
            return false;
        }
        String last = host.substring(host.lastIndexOf('.') + 1);
        return NUMBER_LABEL.matcher(last).matches();
    }
}
