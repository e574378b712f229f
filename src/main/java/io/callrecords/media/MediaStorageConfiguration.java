package io.callrecords.media;

import io.callrecords.shared.CallrecordsProperties;
import java.net.URI;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/** Picks the storage named by {@code callrecords.media.storage}: {@code filesystem} (default) or {@code s3}. */
@Configuration(proxyBeanMethods = false)
class MediaStorageConfiguration {

    @Bean
    MediaStorage mediaStorage(CallrecordsProperties properties) {
        String storage = properties.media().storage();
        return switch (storage) {
            case "filesystem" -> new FilesystemMediaStorage(
                    properties.dataDir().resolve("media").toAbsolutePath().normalize());
            case "s3" -> {
                CallrecordsProperties.S3 s3 = properties.media().s3();
                yield new S3MediaStorage(s3Client(s3), s3.bucket(), s3.prefix());
            }
            default -> throw new IllegalStateException(
                    "callrecords.media.storage is '" + storage + "'; it must be 'filesystem' or 's3'.");
        };
    }

    /**
     * On Apache HttpClient 5, the library of the service's outbound client, but not behind its SSRF
     * guard: the endpoint is the operator's setting, not a client's, and may well be private (MinIO
     * next door). Checksums only where the API requires them, because several S3-compatible servers
     * reject the SDK's newer default (trailing CRC checksums, aws-chunked uploads).
     */
    private static S3Client s3Client(CallrecordsProperties.S3 s3) {
        S3ClientBuilder builder = S3Client.builder()
                .httpClientBuilder(Apache5HttpClient.builder())
                .region(Region.of(s3.region()))
                .forcePathStyle(s3.pathStyle())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .credentialsProvider(credentials(s3));
        if (s3.endpoint() != null && !s3.endpoint().isBlank()) {
            builder.endpointOverride(URI.create(s3.endpoint()));
        }
        return builder.build();
    }

    private static AwsCredentialsProvider credentials(CallrecordsProperties.S3 s3) {
        if (s3.accessKey() != null && !s3.accessKey().isBlank()) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create(s3.accessKey(), s3.secretKey()));
        }
        return DefaultCredentialsProvider.builder().build();
    }
}
