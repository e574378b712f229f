package io.callrecords.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The SSRF guard decides on addresses; a fake resolver stands in for DNS, so nothing is connected to. */
class OutboundGuardTest {

    private static final Map<String, List<String>> DNS = Map.of(
            "crm.example.com", List.of("93.184.215.14"),
            "metadata.example.com", List.of("169.254.169.254"),
            "mixed.example.com", List.of("93.184.215.14", "10.1.2.3"),
            "v6.example.com", List.of("2606:2800:21f:cb07:6820:80da:af6b:8b2c"),
            "internal.example.com", List.of("10.20.30.40"),
            "cafe.example.com", List.of("93.184.215.14"),
            "0x.example.com", List.of("93.184.215.14"),
            "1e100.net", List.of("142.250.0.1"));

    /** The names the fake resolver was asked for. */
    private final List<String> asked = new java.util.concurrent.CopyOnWriteArrayList<>();

    private OutboundGuard guard(String... allowed) {
        return new OutboundGuard(List.of(allowed), host -> {
            asked.add(host);
            List<String> addresses = DNS.get(host);
            if (addresses == null) {
                throw new UnknownHostException(host);
            }
            return addresses.stream().map(OutboundGuardTest::address).toList();
        });
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal); // literals only: no lookup
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.8.9.10", "10.0.0.1", "172.16.0.1", "172.31.255.255", "192.168.1.1",
            "169.254.169.254", "100.64.0.1", "100.127.255.254", "0.0.0.0", "0.1.2.3", "224.0.0.1", "239.255.255.250",
            "255.255.255.255", "::1", "::", "fc00::1", "fd12:3456::1", "fe80::1", "ff02::1", "::ffff:127.0.0.1",
            "::ffff:10.0.0.1", "[::1]", "64:ff9b::a9fe:a9fe", "2002:c0a8:0101::1", "::127.0.0.1"})
    void refusesLoopbackPrivateLinkLocalAndTheirIpv6Forms(String host) {
        assertThatThrownBy(() -> guard().check(host)).isInstanceOf(OutboundGuard.Refused.class)
                .hasMessageContaining("callrecords.outbound.allowed-hosts");
    }

    /**
     * Every IPv6 form that carries an IPv4 address is judged by that address: here 169.254.169.254 and 10.0.0.1. (Java
     * itself reads a literal ::ffff:a.b.c.d as IPv4; a resolver's mapped answer is the test below.)
     */
    @ParameterizedTest
    @ValueSource(strings = {"::a9fe:a9fe", "::ffff:0:a9fe:a9fe", "[::ffff:0:a9fe:a9fe]",
            "64:ff9b::a9fe:a9fe", "64:ff9b:1::a9fe:a9fe", "[64:ff9b:1::a9fe:a9fe]", "64:ff9b:1::a00:1",
            "2002:a9fe:a9fe::1", "2002:a00:1:5::9", "2001:0:4136:e378:8000:63bf:5601:5601", "2001:0:a00:1::1",
            "2001:db9::5efe:a9fe:a9fe", "2001:db9::200:5efe:a00:1"})
    void refusesEveryIpv6FormThatEmbedsARefusedIpv4Address(String host) {
        assertThatThrownBy(() -> guard().check(host)).isInstanceOf(OutboundGuard.Refused.class)
                .hasMessageContaining("the IPv6 form of");
    }

    @Test
    void namesTheEmbeddedAddressAndItsForm() {
        assertThatThrownBy(() -> guard().check("[64:ff9b:1::a9fe:a9fe]")).isInstanceOf(OutboundGuard.Refused.class)
                .hasMessageContaining("the IPv6 form of a cloud metadata address")
                .hasMessageContaining("local-use NAT64 address embedding 169.254.169.254");
        assertThatThrownBy(() -> guard().check("::ffff:0:a9fe:a9fe")).isInstanceOf(OutboundGuard.Refused.class)
                .hasMessageContaining("IPv4-translated address embedding 169.254.169.254");
        // Teredo keeps the client's address inverted: 0x5601:5601 is 169.254.169.254 with every bit flipped.
        assertThatThrownBy(() -> guard().check("2001:0:4136:e378:8000:63bf:5601:5601"))
                .isInstanceOf(OutboundGuard.Refused.class).hasMessageContaining("Teredo address embedding 169.254.169.254");
    }

    /** A local-use NAT64 prefix may put the IPv4 address elsewhere than the last 32 bits: only that layout is judged. */
    @Test
    void aLocalUseNat64AddressOutsideTheSlash96LayoutIsRefused() {
        assertThatThrownBy(() -> guard().check("64:ff9b:1:a9fe:a9:fe00::")).isInstanceOf(OutboundGuard.Refused.class)
                .hasMessageContaining("64:ff9b:1::/48");
    }

    /** The IANA special-purpose registries (IPv4 and IPv6) beyond the private and local ranges. */
    @ParameterizedTest
    @ValueSource(strings = {"192.0.0.8", "192.0.2.1", "198.51.100.7", "203.0.113.9", "198.18.0.1", "198.19.255.255",
            "240.0.0.1", "255.255.255.255", "192.88.99.1", "fec0::1", "100::1", "2001:2::1", "2001:10::1", "2001:20::1",
            "2001:db8::1", "3fff::1", "5f00::1", "ff0e::1"})
    void refusesTheSpecialPurposeRanges(String host) {
        assertThatThrownBy(() -> guard().check(host)).isInstanceOf(OutboundGuard.Refused.class)
                .hasMessageContaining("which the service may not reach");
    }

    /** Numbers that other software reads as another address than a dotted quad says: refused, never guessed. */
    @ParameterizedTest
    @ValueSource(strings = {"0177.0.0.1", "0x7f.1", "0x7f.0.0.1", "2130706433", "127.1", "127.0.1", "017700000001",
            "0x7f000001", "010.0.0.1", "1.2.3.4.5", "256.0.0.1", "example.0x1f", "cafe.123", "08.8.8.8", "0300.0250.0.1",
            "::ffff:010.0.0.1", "fe80::1%eth0", "[fe80::1%25eth0]", "fe80::zz"})
    void refusesHostsWrittenAsNumbersInAnyFormButACanonicalDottedQuad(String host) {
        assertThatThrownBy(() -> guard().check(host)).isInstanceOf(OutboundGuard.Refused.class)
                .hasMessageNotContaining("resolves to");
        assertThat(asked).as("never resolved").doesNotContain(host);
    }

    @ParameterizedTest
    @ValueSource(strings = {"64:ff9b::808:808", "64:ff9b:1::808:808", "::ffff:8.8.8.8", "2002:808:808::1",
            "2001:0:4136:e378:8000:63bf:f7f7:f7f7", "cafe.example.com", "0x.example.com", "1e100.net"})
    void letsIpv6FormsOfPublicAddressesAndOrdinaryNamesThrough(String host) throws Exception {
        assertThat(guard().check(host)).isNotEmpty();
    }

    @Test
    void theAllowListJudgesEmbeddedAddressesToo() throws Exception {
        assertThat(guard("10.0.0.0/8").check("64:ff9b::a00:1")).hasSize(1);
        assertThat(guard("64:ff9b:1::/48").check("64:ff9b:1:a9fe:a9:fe00::")).hasSize(1);
        assertThatThrownBy(() -> new OutboundGuard(List.of("0177.0.0.1"), host -> List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0177.0.0.1");
    }

    @Test
    void refusesAnIpv4MappedAddressThatARealResolverGivesAsIpv6() throws Exception {
        byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, (byte) 169, (byte) 254, (byte) 169, (byte) 254};
        InetAddress v6 = Inet6Address.getByAddress("evil.example.com", mapped, -1);
        OutboundGuard guard = new OutboundGuard(List.of(), host -> List.of(v6));
        assertThatThrownBy(() -> guard.check("evil.example.com")).isInstanceOf(OutboundGuard.Refused.class)
                .hasMessageContaining("the IPv6 form of a cloud metadata address");
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.215.14", "8.8.8.8", "172.32.0.1", "100.128.0.1", "2606:4700::1111"})
    void letsPublicAddressesThrough(String host) throws Exception {
        assertThat(guard().check(host)).hasSize(1);
    }

    @Test
    void resolvesNamesOnceAndReturnsTheAddressesToConnectTo() throws Exception {
        assertThat(guard().check("crm.example.com")).extracting(InetAddress::getHostAddress).containsExactly("93.184.215.14");
        assertThat(guard().check("CRM.Example.com.")).hasSize(1);
        assertThat(guard().check("v6.example.com")).hasSize(1);
        assertThatThrownBy(() -> guard().check("metadata.example.com")).isInstanceOf(OutboundGuard.Refused.class)
                .hasMessageContaining("169.254.169.254");
        assertThatThrownBy(() -> guard().check("nowhere.example.com")).isInstanceOf(UnknownHostException.class)
                .isNotInstanceOf(OutboundGuard.Refused.class);
    }

    @Test
    void aNameWithOnePrivateAnswerIsRefusedWhole() {
        assertThatThrownBy(() -> guard().check("mixed.example.com")).isInstanceOf(OutboundGuard.Refused.class)
                .hasMessageContaining("10.1.2.3");
    }

    @Test
    void theAllowListNamesHostsAddressesAndBlocks() throws Exception {
        assertThat(guard("internal.example.com").check("internal.example.com")).hasSize(1);
        assertThat(guard("10.0.0.0/8").check("internal.example.com")).hasSize(1);
        assertThat(guard("127.0.0.1").check("127.0.0.1")).hasSize(1);
        assertThat(guard("::1").check("::1")).hasSize(1);
        assertThat(guard("127.0.0.1").check("::ffff:127.0.0.1")).hasSize(1);
        assertThatThrownBy(() -> guard("127.0.0.1").check("127.0.0.2")).isInstanceOf(OutboundGuard.Refused.class);
        assertThatThrownBy(() -> guard("10.0.0.0/16").check("internal.example.com")).isInstanceOf(OutboundGuard.Refused.class);
        assertThatThrownBy(() -> guard("other.example.com").check("internal.example.com"))
                .isInstanceOf(OutboundGuard.Refused.class);
    }

    @Test
    void ipRangesParseCidrBlocks() {
        assertThat(IpRange.parse("172.16.0.0/12").contains(address("172.31.1.1"))).isTrue();
        assertThat(IpRange.parse("172.16.0.0/12").contains(address("172.32.0.0"))).isFalse();
        assertThat(IpRange.parse("fe80::/10").contains(address("febf::1"))).isTrue();
        assertThat(IpRange.parse("fe80::/10").contains(address("fec0::1"))).isFalse();
        assertThatThrownBy(() -> IpRange.parse("example.com/8")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IpRange.parse("10.0.0.0/33")).isInstanceOf(IllegalArgumentException.class);
    }
}
