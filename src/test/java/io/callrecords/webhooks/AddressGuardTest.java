package io.callrecords.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The SSRF guard decides on addresses only: nothing here resolves a name or opens a connection. */
class AddressGuardTest {

    private static final AddressGuard STRICT = new AddressGuard(List.of());

    @ParameterizedTest(name = "{0} is refused as {1}")
    @CsvSource({
            "127.0.0.1, loopback", "127.8.9.10, loopback", "10.0.0.1, private", "10.255.255.255, private",
            "172.16.0.1, private", "172.31.255.254, private", "192.168.1.1, private",
            "169.254.169.254, cloud metadata", "169.254.10.10, link-local", "100.64.0.1, carrier-grade NAT",
            "100.127.255.254, carrier-grade NAT", "0.0.0.0, current-network", "0.1.2.3, current-network",
            "224.0.0.1, multicast", "239.255.255.250, multicast", "255.255.255.255, reserved",
            "::1, loopback", "::, unspecified", "fc00::1, unique-local", "fd12:3456::1, unique-local",
            "fe80::1, link-local", "ff02::1, multicast",
            "::ffff:10.0.0.1, private", "::ffff:127.0.0.1, loopback", "::ffff:169.254.169.254, cloud metadata",
            "64:ff9b::a00:1, private"})
    void blockedRangesAreRefused(String address, String range) throws Exception {
        AddressGuard.Decision decision = STRICT.check("hooks.example", List.of(InetAddress.getByName(address)));
        assertThat(decision.allowed()).isFalse();
        assertThat(decision.reason()).contains("a " + range + " address");
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "1.1.1.1", "172.32.0.1", "172.15.255.255", "100.128.0.1", "169.255.0.1",
            "11.0.0.1", "2001:4860:4860::8888", "2606:4700::1111"})
    void publicAddressesAreAllowed(String address) throws Exception {
        assertThat(STRICT.check("hooks.example", List.of(InetAddress.getByName(address))).allowed()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "2001:4860:4860::8888"})
    void oneBlockedAddressAmongSeveralRefusesTheHost(String publicAddress) throws Exception {
        List<InetAddress> addresses = List.of(InetAddress.getByName(publicAddress), InetAddress.getByName("10.1.2.3"));
        assertThat(STRICT.check("rebinding.example", addresses).allowed()).isFalse();
    }

    @ParameterizedTest(name = "allow-list {0}: {1} → {2}")
    @CsvSource({
            "127.0.0.1, 127.0.0.1, true", "127.0.0.1, 127.0.0.2, false", "10.0.0.0/8, 10.20.30.40, true",
            "10.0.0.0/8, 192.168.0.1, false", "::1, ::1, true", "fc00::/7, fd00::5, true",
            "'192.168.0.0/16,169.254.169.254', 169.254.169.254, true"})
    void theOperatorAllowListOpensRanges(String allowList, String address, boolean allowed) throws Exception {
        AddressGuard guard = new AddressGuard(List.of(allowList.split(",")));
        assertThat(guard.check("hooks.example", List.of(InetAddress.getByName(address))).allowed()).isEqualTo(allowed);
    }

    @ParameterizedTest
    @ValueSource(strings = {"hooks.internal", "HOOKS.internal"})
    void anAllowedHostNameIsAllowedWhateverItResolvesTo(String host) throws Exception {
        AddressGuard guard = new AddressGuard(List.of("hooks.internal"));
        assertThat(guard.check(host, List.of(InetAddress.getByName("10.9.8.7"))).allowed()).isTrue();
        assertThat(guard.check("other.internal", List.of(InetAddress.getByName("10.9.8.7"))).allowed()).isFalse();
    }

    @org.junit.jupiter.api.Test
    void aHostWithoutAddressesIsRefused() {
        assertThat(STRICT.check("nothing.example", List.of()).allowed()).isFalse();
    }
}
