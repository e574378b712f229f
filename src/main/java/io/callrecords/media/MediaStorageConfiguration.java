package io.callrecords.media;

import io.callrecords.shared.CallrecordsProperties;
import java.time.Clock;
import java.util.function.Supplier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

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
                        s3.prefix()), credentials(s3), clock);
            }
            default -> throw new IllegalStateException(
                    "callrecords.media.storage is '" + storage + "'; it must be 'filesystem' or 's3'.");
        };
    }

    /**
     * The configured key pair, else the AWS default chain (system properties, environment, profile, container and
     * instance roles), which the SDK's credentials module resolves and refreshes.
     */
    private static Supplier<S3Signer.Credentials> credentials(CallrecordsProperties.S3 s3) {
        AwsCredentialsProvider provider = s3.accessKey() != null && !s3.accessKey().isBlank()
                ? StaticCredentialsProvider.create(AwsBasicCredentials.create(s3.accessKey(), s3.secretKey()))
                : DefaultCredentialsProvider.builder().build();
        return () -> {
            AwsCredentials resolved = provider.resolveCredentials();
            return new S3Signer.Credentials(resolved.accessKeyId(), resolved.secretAccessKey(),
                    resolved instanceof AwsSessionCredentials session ? session.sessionToken() : null);
        };
    }
}
