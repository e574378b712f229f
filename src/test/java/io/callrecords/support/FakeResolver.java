package io.callrecords.support;

import io.callrecords.shared.CallrecordsProperties;
import io.callrecords.shared.OutboundGuard;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The service's SSRF guard over a resolver that knows only the names a test gives it: no test ever
 * asks real DNS, so a test of the guard decides on addresses without connecting anywhere.
 */
@TestConfiguration
public class FakeResolver {

    public static final Map<String, List<String>> NAMES = new ConcurrentHashMap<>();

    @Bean
    @Primary
    OutboundGuard fakeResolverGuard(CallrecordsProperties properties) {
        return new OutboundGuard(properties.outbound().allowedHosts(), FakeResolver::resolve);
    }

    private static List<InetAddress> resolve(String host) throws UnknownHostException {
        List<String> addresses = NAMES.get(host);
        if (addresses == null) {
            throw new UnknownHostException(host + " (unknown to the test resolver)");
        }
        return addresses.stream().map(FakeResolver::literal).toList();
    }

    private static InetAddress literal(String address) {
        try {
            return InetAddress.getByName(address); // a literal: parsed, never looked up
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
