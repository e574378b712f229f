package io.callrecords.shared;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.util.unit.DataSize;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Every {@code callrecords.*} setting, each also settable as its upper-case environment
 * variable ({@code CALLRECORDS_DATA_DIR} ...). Defaults are listed in docs/settings.md.
 */
@ConfigurationProperties("callrecords")
public record CallrecordsProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue Db db,
        String operatorToken,
        @DefaultValue Api api,
        @DefaultValue("serve") String mode,
        String publicBaseUrl,
        @DefaultValue Media media,
        @DefaultValue Webhooks webhooks,
        @DefaultValue Outbound outbound,
        @DefaultValue Auth auth,
        @DefaultValue Admission admission,
        @DefaultValue Sources sources) {

    /**
     * Where PostgreSQL is: {@code url} unset means the embedded server under the data directory.
     *
     * @param poolSize          connections the service keeps to PostgreSQL (a CLI command uses two)
     * @param connectionTimeout the longest anything waits for a free connection; then the request answers 503
     */
    public record Db(String url, @DefaultValue("postgres") String user, String password,
                     @DefaultValue("0") int embeddedPort,
                     @DefaultValue("2m") Duration embeddedStartupWait,
                     @DefaultValue Map<String, String> embeddedSettings,
                     @DefaultValue("20") int poolSize,
                     @DefaultValue("1s") Duration connectionTimeout) {
        private static final java.util.Set<String> DURABILITY = java.util.Set.of("fsync", "synchronous_commit", "full_page_writes");

        public Db {
            // Durability is the embedded server's promise: these cannot be configured away.
            embeddedSettings = embeddedSettings.entrySet().stream()
                    .filter(e -> !DURABILITY.contains(e.getKey()))
                    .collect(java.util.stream.Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
        }

        public boolean embedded() {
            return url == null || url.isBlank();
        }
    }

    /**
     * Limits of the HTTP API.
     *
     * @param maxClockSkew how far ahead of this service's clock an event's {@code at} (or an imported record's
     *                     {@code ended_at}) may be
     */
    public record Api(@DefaultValue("600") int defaultRateLimitPerMinute,
                      @DefaultValue("10MB") DataSize bodyLimit,
                      @DefaultValue("15m") Duration maxClockSkew) {}

    /**
     * Recordings and voicemails: where they are kept, how large they may be, the key that signs
     * their links, and how {@code source_url} fetches and retention run.
     *
     * @param signingKey secret of the signed media links (at least 32 characters); unset = a random
     *                   key kept in {@code <data-dir>/keys/media-signing.key}
     */
    public record Media(@DefaultValue("filesystem") String storage,
                        @DefaultValue("500MB") DataSize maxSize,
                        String signingKey,
                        @DefaultValue S3 s3,
                        @DefaultValue Fetch fetch,
                        @DefaultValue("1h") Duration retentionInterval,
                        @DefaultValue("1h") Duration tmpMaxAge) {}

    /** An S3-compatible object store (AWS S3, MinIO, Ceph, ...); credentials unset = the SDK's default chain. */
    public record S3(String endpoint, @DefaultValue("callrecords-media") String bucket,
                     @DefaultValue("us-east-1") String region, @DefaultValue("false") boolean pathStyle,
                     String accessKey, String secretKey, @DefaultValue("") String prefix) {}

    /** Fetching media from a {@code source_url}: retried with exponential backoff until {@code deadline}. */
    public record Fetch(@DefaultValue("1s") Duration pollInterval,
                        @DefaultValue("5s") Duration retryMin,
                        @DefaultValue("10m") Duration retryMax,
                        @DefaultValue("24h") Duration deadline,
                        @DefaultValue("10s") Duration connectTimeout,
                        @DefaultValue("30m") Duration timeout,
                        @DefaultValue("4") int concurrency) {}

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

    /**
     * Calls the service makes to addresses its clients name (webhooks, media fetches).
     *
     * @param allowedHosts host names, addresses or CIDRs that may be reached although loopback or
     *                     private (for tests and on-premises integrations)
     */
    public record Outbound(@DefaultValue List<String> allowedHosts) {}

    /**
     * How many requests the service works on at once, and how many may wait for a turn, before it answers 503 with
     * {@code Retry-After} rather than let them pile up (ADR 0013). Health and metrics are never held back.
     *
     * @param maxActive  requests in progress at once
     * @param maxWaiting requests waiting for one of those turns; one more is answered 503 at once
     * @param maxWait    the longest a request waits for a turn; then it is answered 503
     * @param retryAfter what the 503 tells clients to wait, in whole seconds
     */
    public record Admission(@DefaultValue("16") int maxActive,
                            @DefaultValue("128") int maxWaiting,
                            @DefaultValue("250ms") Duration maxWait,
                            @DefaultValue("1s") Duration retryAfter) {
        public Admission {
            if (maxActive < 1) {
                throw new IllegalArgumentException("callrecords.admission.max-active must be at least 1, not " + maxActive);
            }
            if (maxWaiting < 0) {
                throw new IllegalArgumentException("callrecords.admission.max-waiting must not be negative");
            }
            if (retryAfter.toSeconds() < 1) {
                throw new IllegalArgumentException("callrecords.admission.retry-after is at least 1s");
            }
        }
    }

    /**
     * The throttle of failed authentications (API keys, the sign-in form, the operator token), counted in each node's
     * memory (ADR 0014).
     *
     * @param maxFailuresPerAddress failures one client address may have in a window before every authentication
     *                              from it is answered 429 until the window ends
     * @param maxFailuresPerAccount failures against one account (a revoked or expired key of it, or a wrong key
     *                              starting with one of its keys' prefixes) one address may have in a window before
     *                              that address may not authenticate to that account until the window ends; other
     *                              addresses are not affected
     * @param maxFailuresPerEmail   failed password sign-ins for one email (from any address, whether or not the email
     *                              is known, so that the lock tells nothing) in a window before that email may not
     *                              sign in until the window ends
     * @param failureWindow         the window, from an address's (or address and account's) first failure
     * @param trustedProxies        addresses or CIDR blocks of reverse proxies whose {@code X-Forwarded-For} names
     *                              the client; empty: the connection's address is the client's
     */
    public record Auth(@DefaultValue("20") int maxFailuresPerAddress,
                       @DefaultValue("10") int maxFailuresPerAccount,
                       @DefaultValue("10") int maxFailuresPerEmail,
                       @DefaultValue("5m") Duration failureWindow,
                       @DefaultValue List<String> trustedProxies) {}

    /**
     * Real phone systems' documents (sources.md).
     *
     * @param quietPeriod       a call whose platform never said it ended is ended this long after its last document,
     *                          with a {@code system} hangup at the last time it had
     * @param sweepInterval     how often calls left pending by a crash, and quiet calls, are looked for
     * @param retentionInterval how often raw documents past their retention are deleted
     * @param hipcall           the Hipcall mirror
     */
    public record Sources(@DefaultValue("2h") Duration quietPeriod,
                          @DefaultValue("30s") Duration sweepInterval,
                          @DefaultValue("1h") Duration retentionInterval,
                          @DefaultValue Hipcall hipcall) {

        /** @param pollInterval how often each mirrored account's Hipcall API is asked for calls and callback links */
        public record Hipcall(@DefaultValue("1m") Duration pollInterval) {}
    }

    public Path embeddedPostgresDir() {
        return dataDir.resolve("postgres");
    }

    public boolean cli() {
        return "cli".equals(mode);
    }

    /** Run by {@code ./callrecords demo}, which creates its own account. */
    public boolean demo() {
        return "demo".equals(mode);
    }
}
