package io.callrecords.media;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.hc.client5.http.classic.methods.HttpGet;

/**
 * Temporary credentials from the container credentials endpoint (ECS task role, EKS Pod Identity):
 * {@code AWS_CONTAINER_CREDENTIALS_RELATIVE_URI} on ECS's address, else {@code AWS_CONTAINER_CREDENTIALS_FULL_URI},
 * with the authorization token when one is set.
 */
final class ContainerCredentialsSource implements AwsCredentialsSource {

    private static final String ENDPOINT = "http://169.254.170.2";
    /** The addresses AWS's own SDKs accept for a container endpoint over plain http, besides loopback. */
    private static final List<String> CONTAINER_HOSTS = List.of("169.254.170.2", "169.254.170.23", "fd00:ec2::23");

    private final AwsSettings environment;

    ContainerCredentialsSource(AwsSettings environment) {
        this.environment = environment;
    }

    @Override
    public Found find() throws Unavailable {
        String relative = environment.get("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI");
        String full = environment.get("AWS_CONTAINER_CREDENTIALS_FULL_URI");
        URI uri;
        if (relative != null) {
            uri = URI.create(ENDPOINT + relative.trim());
        } else if (full != null) {
            uri = URI.create(full.trim());
        } else {
            throw new Unavailable("container endpoint: AWS_CONTAINER_CREDENTIALS_RELATIVE_URI and "
                    + "AWS_CONTAINER_CREDENTIALS_FULL_URI not set");
        }
        String source = "container endpoint " + uri;
        try {
            if (relative == null && !"https".equalsIgnoreCase(uri.getScheme()) && !containerHost(uri)) {
                throw new Unavailable(source + ": over http only to loopback or the container addresses ("
                        + String.join(", ", CONTAINER_HOSTS) + ")");
            }
            HttpGet get = new HttpGet(uri);
            String token = authorization();
            if (token != null) {
                get.setHeader("Authorization", token);
            }
            try (MetadataServiceClient http = new MetadataServiceClient()) {
                return http.credentials(get);
            }
        } catch (IOException | RuntimeException failed) {
            throw new Unavailable(source + ": " + failed.getMessage());
        }
    }

    private static boolean containerHost(URI uri) throws IOException {
        String host = uri.getHost();
        if (host == null) {
            return false;
        }
        String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (CONTAINER_HOSTS.contains(bare.toLowerCase(Locale.ROOT))) {
            return true;
        }
        for (InetAddress address : InetAddress.getAllByName(bare)) {
            if (!address.isLoopbackAddress()) {
                return false;
            }
        }
        return true;
    }

    /** The token file (EKS Pod Identity, re-read each time as it is rotated) before the token itself, as AWS does. */
    private String authorization() throws IOException {
        String file = environment.get("AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE");
        if (file != null) {
            return Files.readString(Path.of(file.trim()), StandardCharsets.UTF_8).strip();
        }
        String token = environment.get("AWS_CONTAINER_AUTHORIZATION_TOKEN");
        return token == null ? null : token.strip();
    }
}
