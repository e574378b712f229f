package io.callrecords.shared;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.util.unit.DataSize;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Every {@code callrecords.*} setting, each also settable as its upper-case environment
 * variable ({@code CALLRECORDS_DATA_DIR} ...). Defaults are listed in the README.
 */
@ConfigurationProperties("callrecords")
public record CallrecordsProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue Db db,
        String operatorToken,
        @DefaultValue Api api,
        @DefaultValue Webhooks webhooks,
        @DefaultValue Outbound outbound,
        @DefaultValue("serve") String mode) {

    /** Where PostgreSQL is: {@code url} unset means the embedded server under the data directory. */
    public record Db(String url, @DefaultValue("postgres") String user, String password,
                     @DefaultValue("0") int embeddedPort,
                     @DefaultValue("2m") Duration embeddedStartupWait) {
        public boolean embedded() {
            return url == null || url.isBlank();
        }
    }

    /** Limits of the HTTP API. */
    public record Api(@DefaultValue("600") int defaultRateLimitPerMinute,
                      @DefaultValue("10MB") DataSize bodyLimit) {}

    /**
     * Webhook delivery. Every duration is configurable so that tests run the same rules in
     * milliseconds; the defaults are those of webhooks.md.
     *
     * @param retrySchedule      the waits before the 2nd, 3rd ... attempt; after the last one fails the delivery fails
     * @param retryJitter        each wait is stretched or shrunk by up to this fraction, at random
     * @param retryAfterMax      the longest {@code Retry-After} (429/503) honoured; longer ones are cut to it
     * @param breakerThreshold   consecutive failed attempts that open a subscription's circuit
     * @param breakerProbe       while open, one delivery probes the endpoint this often
     * @param disableAfter       a subscription failing without a success for this long is disabled
     * @param maxInFlightPerSubscription requests one node has open to one subscription at most
     * @param maxInFlight        requests one node has open in all
     * @param lease              how long a claimed delivery is reserved for its node; longer than {@code timeout}
     * @param pollInterval       the backstop poll when no notification arrives
     * @param rotationOverlap    how long the old secret keeps signing after a rotation
     */
    public record Webhooks(@DefaultValue("true") boolean dispatcherEnabled,
                           @DefaultValue("5s") Duration connectTimeout,
                           @DefaultValue("15s") Duration timeout,
                           @DefaultValue("5s,5m,30m,2h,5h,10h,10h,14h,20h") List<Duration> retrySchedule,
                           @DefaultValue("0.2") double retryJitter,
                           @DefaultValue("1h") Duration retryAfterMax,
                           @DefaultValue("5") int breakerThreshold,
                           @DefaultValue("1m") Duration breakerProbe,
                           @DefaultValue("5d") Duration disableAfter,
                           @DefaultValue("32") int maxInFlightPerSubscription,
                           @DefaultValue("512") int maxInFlight,
                           @DefaultValue("1m") Duration lease,
                           @DefaultValue("1s") Duration pollInterval,
                           @DefaultValue("24h") Duration rotationOverlap,
                           @DefaultValue("25") int maxSubscriptionsPerAccount) {}

    /** Outbound requests (webhooks, later media fetches): hosts or CIDRs allowed although private or loopback. */
    public record Outbound(@DefaultValue List<String> allowedHosts) {}

    public Path embeddedPostgresDir() {
        return dataDir.resolve("postgres");
    }

    public boolean cli() {
        return "cli".equals(mode);
    }
}
