package io.callrecords.media;

import io.callrecords.shared.CallrecordsProperties;
import java.time.Clock;
import java.util.function.Supplier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Picks the storage named by {@code callrecords.media.storage}: {@code filesystem} (default) or {@code s3}. */
@Configuration(proxyBeanMethods = false)
class MediaStorageConfiguration {

    @Bean
    MediaStorage mediaStorage(CallrecordsProperties properties, Clock clock) {
        String storage = properties.media().storage();
        return switch (storage) {
            case "filesystem" -> new FilesystemMediaStorage(
                    properties.dataDir().resolve("media").toAbsolutePath().normalize());
            case "s3" -> {
                CallrecordsProperties.S3 s3 = properties.media().s3();
                yield new S3MediaStorage(S3Location.of(s3.endpoint(), s3.bucket(), s3.region(), s3.pathStyle(),
                        s3.prefix()), credentials(s3, clock), clock);
            }
            default -> throw new IllegalStateException(
                    "callrecords.media.storage is '" + storage + "'; it must be 'filesystem' or 's3'.");
        };
    }

    /**
     * The configured key pair, else AWS's default chain (system properties, environment, credentials file, container
     * and instance roles), resolved and refreshed by {@link AwsCredentialsChain}.
     */
    private static Supplier<S3Signer.Credentials> credentials(CallrecordsProperties.S3 s3, Clock clock) {
        if (s3.accessKey() != null && !s3.accessKey().isBlank()) {
            S3Signer.Credentials configured = new S3Signer.Credentials(s3.accessKey(), s3.secretKey(), null);
            return () -> configured;
        }
        return AwsCredentialsChain.ofThisProcess(clock);
    }
}
