package io.callrecords.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The throttle's counting, with the time given: a window opens at the first failure and locks past the limit. */
class FailureCountsTest {

    @Test
    void aKeyIsLockedFromItsLimitUntilTheWindowThatStartedAtItsFirstFailureEnds() {
        FailureCounts counts = new FailureCounts(Duration.ofMinutes(5));
        counts.fail("a", 1_000);
        counts.fail("a", 2_000);
        assertThat(counts.lockedFor("a", 3, 2_500)).isEmpty();
        counts.fail("a", 3_000);
        assertThat(counts.lockedFor("a", 3, 3_000)).hasValue(Duration.ofMillis(298_000));
        assertThat(counts.lockedFor("b", 3, 3_000)).isEmpty();
        assertThat(counts.lockedFor("a", 3, 301_000)).as("the window is over").isEmpty();
        counts.fail("a", 301_000);
        assertThat(counts.lockedFor("a", 1, 301_000)).as("a new window").hasValue(Duration.ofMinutes(5));
        assertThat(counts.lockedFor("a", 2, 301_000)).isEmpty();
    }

    @Test
    void endedWindowsAreForgottenWhenManyKeysAreCounted() {
        FailureCounts counts = new FailureCounts(Duration.ofSeconds(1));
        for (int i = 0; i < 10_001; i++) {
            counts.fail("old-" + i, 0);
        }
        counts.fail("new", 5_000);
        assertThat(counts.size()).isEqualTo(1);
    }

    @Test
    void anIpv6ClientIsCountedByItsSlash64AndAMappedOneAsIpv4() throws Exception {
        assertThat(ClientAddress.of(java.net.InetAddress.getByName("2001:db8:1:2:aaaa::1").getAddress()))
                .isEqualTo(ClientAddress.of(java.net.InetAddress.getByName("2001:db8:1:2:bbbb::7").getAddress()))
                .hasToString("2001:db8:1:2:0:0:0:0/64");
        byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, (byte) 192, 0, 2, 1};
        assertThat(ClientAddress.of(mapped)).hasToString("192.0.2.1");
    }
}
