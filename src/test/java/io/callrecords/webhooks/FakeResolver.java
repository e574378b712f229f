package io.callrecords.webhooks;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A resolver that knows only the names a test gives it and IP literals: no test ever asks real
 * DNS, so a test of the SSRF guard decides on addresses without connecting anywhere.
 */
@TestConfiguration
class FakeResolver {

    static final Map<String, List<String>> NAMES = new ConcurrentHashMap<>();

    @Bean
    @Primary
    HostResolver fakeHostResolver() {
        return host -> {
            List<String> addresses = NAMES.get(host);
            if (addresses == null) {
                if (!Cidr.looksLikeAddress(host)) {
                    throw new UnknownHostException(host + " (unknown to the test resolver)");
                }
                addresses = List.of(host);
            }
            return addresses.stream().map(FakeResolver::literal).toList();
        };
    }

    private static InetAddress literal(String address) {
        try {
            return InetAddress.getByName(address); // a literal: parsed, never looked up
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
