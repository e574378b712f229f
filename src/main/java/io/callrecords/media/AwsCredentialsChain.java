package io.callrecords.media;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * S3 credentials when no key pair is configured: the sources of AWS's default credentials chain that a service
 * uses, in AWS's order — system properties, environment, the shared credentials file (static keys), the container
 * credentials endpoint (ECS, EKS Pod Identity) and the EC2 instance metadata service (IMDSv2). The first source that
 * gives keys wins. Written here instead of taking the AWS SDK's credentials module, 3.9 MB of jar for these few
 * requests (ADR 0016).
 *
 * <p>Temporary credentials are fetched again {@link #REFRESH_BEFORE_EXPIRY} before their expiry (while a refresh
 * fails, the old ones serve until they expire, and the refresh is tried again every minute); credentials without an
 * expiry are looked up again after the same time, so that a rotated credentials file is taken up without a restart.
 */
final class AwsCredentialsChain implements Supplier<S3Signer.Credentials> {

    static final Duration REFRESH_BEFORE_EXPIRY = Duration.ofMinutes(5);
    static final Duration RETRY_AFTER_FAILED_REFRESH = Duration.ofMinutes(1);

    private static final Logger log = LoggerFactory.getLogger(AwsCredentialsChain.class);

    private final List<AwsCredentialsSource> sources;
    private final Clock clock;
    // Not synchronized: the callers are virtual threads, and this lock is held over metadata requests.
    private final ReentrantLock lock = new ReentrantLock();
    private Resolved current;

    /**
     * @param environment      looks up an environment variable ({@code System::getenv})
     * @param systemProperties looks up a system property ({@code System::getProperty})
     */
    AwsCredentialsChain(UnaryOperator<String> environment, UnaryOperator<String> systemProperties, Clock clock) {
        AwsSettings environmentVariables = new AwsSettings(environment);
        this.sources = List.of(
                StaticKeysSource.systemProperties(new AwsSettings(systemProperties)),
                StaticKeysSource.environment(environmentVariables),
                new SharedCredentialsFileSource(environmentVariables, systemProperties),
                new ContainerCredentialsSource(environmentVariables),
                new InstanceMetadataSource(environmentVariables));
        this.clock = clock;
    }

    static AwsCredentialsChain ofThisProcess(Clock clock) {
        return new AwsCredentialsChain(System::getenv, System::getProperty, clock);
    }

    /** @throws IllegalStateException naming each source and why it gave nothing, when none gives credentials */
    @Override
    public S3Signer.Credentials get() {
        lock.lock();
        try {
            Instant now = clock.instant();
            if (current != null && now.isBefore(current.refreshAt())) {
                return current.credentials();
            }
            try {
                current = resolve(now);
            } catch (IllegalStateException none) {
                if (current != null && current.expiration() != null && now.isBefore(current.expiration())) {
                    log.warn("Could not refresh the S3 credentials, using the current ones until they expire at {}: {}",
                            current.expiration(), none.getMessage());
                    // not again at every request: each attempt may wait for the metadata services' timeouts
                    Instant retry = now.plus(RETRY_AFTER_FAILED_REFRESH);
                    current = new Resolved(current.credentials(), current.expiration(),
                            retry.isBefore(current.expiration()) ? retry : current.expiration());
                    return current.credentials();
                }
                current = null;
                throw none;
            }
            return current.credentials();
        } finally {
            lock.unlock();
        }
    }

    /** Credentials, when they expire ({@code null}: never) and when to look them up again. */
    private record Resolved(S3Signer.Credentials credentials, Instant expiration, Instant refreshAt) {
    }

    private Resolved resolve(Instant now) {
        List<String> tried = new ArrayList<>();
        for (AwsCredentialsSource source : sources) {
            try {
                AwsCredentialsSource.Found found = source.find();
                Instant expiration = found.expiration();
                return new Resolved(found.credentials(), expiration, expiration == null
                        ? now.plus(REFRESH_BEFORE_EXPIRY) : expiration.minus(REFRESH_BEFORE_EXPIRY));
            } catch (AwsCredentialsSource.Unavailable unavailable) {
                tried.add(unavailable.getMessage());
            }
        }
        throw new IllegalStateException("No S3 credentials: callrecords.media.s3.access-key is not set and AWS's "
                + "default chain found none. Tried: " + String.join("; ", tried) + ".");
    }
}
