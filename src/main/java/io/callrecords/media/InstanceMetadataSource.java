package io.callrecords.media;

import java.io.IOException;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPut;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;

/**
 * Temporary credentials of the EC2 instance's role from the instance metadata service, IMDSv2 (a session token
 * first, then the role's name, then its credentials); {@code AWS_EC2_METADATA_SERVICE_ENDPOINT} overrides the address
 * and {@code AWS_EC2_METADATA_DISABLED=true} turns it off.
 */
final class InstanceMetadataSource implements AwsCredentialsSource {

    private static final String ENDPOINT = "http://169.254.169.254";

    private final AwsSettings environment;

    InstanceMetadataSource(AwsSettings environment) {
        this.environment = environment;
    }

    @Override
    public Found find() throws Unavailable {
        String disabled = environment.get("AWS_EC2_METADATA_DISABLED");
        if (disabled != null && "true".equalsIgnoreCase(disabled.strip())) {
            throw new Unavailable("instance metadata: AWS_EC2_METADATA_DISABLED=true");
        }
        String endpoint = environment.get("AWS_EC2_METADATA_SERVICE_ENDPOINT");
        endpoint = endpoint == null ? ENDPOINT : endpoint.strip().replaceAll("/+$", "");
        String source = "instance metadata (IMDSv2) " + endpoint;
        try (MetadataServiceClient http = new MetadataServiceClient()) {
            HttpPut tokenRequest = new HttpPut(endpoint + "/latest/api/token");
            tokenRequest.setHeader("X-aws-ec2-metadata-token-ttl-seconds", "21600");
            String token = http.answer(tokenRequest).strip();
            String roles = endpoint + "/latest/meta-data/iam/security-credentials/";
            String role = http.answer(withToken(new HttpGet(roles), token)).lines()
                    .map(String::strip).filter(line -> !line.isEmpty()).findFirst()
                    .orElseThrow(() -> new IOException("no instance role"));
            return http.credentials(withToken(new HttpGet(roles + role), token));
        } catch (IOException | RuntimeException failed) {
            throw new Unavailable(source + ": " + failed.getMessage());
        }
    }

    private static HttpUriRequestBase withToken(HttpUriRequestBase request, String token) {
        request.setHeader("X-aws-ec2-metadata-token", token);
        return request;
    }
}
