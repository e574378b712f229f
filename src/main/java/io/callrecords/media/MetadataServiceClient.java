package io.callrecords.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.util.Timeout;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Requests to the container endpoint and the instance metadata service, which answer credentials alike. No proxy
 * (these are local services), no retries, short timeouts: on a machine without the service the chain must fail
 * quickly. A client per resolution, as resolutions are minutes apart.
 */
final class MetadataServiceClient implements AutoCloseable {

    private static final int MAX_ANSWER = 64 * 1024;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final CloseableHttpClient http = HttpClients.custom()
            .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                    .setDefaultConnectionConfig(ConnectionConfig.custom()
                            .setConnectTimeout(Timeout.ofSeconds(1)).setSocketTimeout(Timeout.ofSeconds(2)).build())
                    .build())
            .setDefaultRequestConfig(RequestConfig.custom().setRedirectsEnabled(false).build())
            .disableAutomaticRetries()
            .disableCookieManagement()
            .build();

    /** The body of a 200 answer; anything else fails with the status. */
    String answer(HttpUriRequestBase request) throws IOException {
        try (ClassicHttpResponse response = http.executeOpen(null, request, null)) {
            if (response.getCode() != 200) {
                throw new IOException(request.getMethod() + " " + request.getRequestUri() + " answered "
                        + response.getCode());
            }
            if (response.getEntity() == null) {
                return "";
            }
            try (InputStream body = response.getEntity().getContent()) {
                return new String(body.readNBytes(MAX_ANSWER), StandardCharsets.UTF_8);
            }
        }
    }

    /** The answer {@code {"AccessKeyId", "SecretAccessKey", "Token", "Expiration"}} of both services. */
    AwsCredentialsSource.Found credentials(HttpUriRequestBase request) throws IOException {
        String body = answer(request);
        JsonNode answer;
        try {
            answer = JSON.readTree(body);
        } catch (JacksonException e) {
            throw new IOException("the answer is not JSON");
        }
        String code = text(answer, "Code");
        if (code != null && !code.equals("Success")) {
            throw new IOException("the answer's Code is " + code);
        }
        S3Signer.Credentials keys = StaticKeysSource.keyPair(text(answer, "AccessKeyId"),
                text(answer, "SecretAccessKey"), text(answer, "Token"));
        if (keys == null) {
            throw new IOException("the answer has no AccessKeyId and SecretAccessKey");
        }
        String expiration = text(answer, "Expiration");
        if (AwsSettings.isBlank(expiration)) {
            return new AwsCredentialsSource.Found(keys, null);
        }
        try {
            return new AwsCredentialsSource.Found(keys, Instant.parse(expiration.strip()));
        } catch (DateTimeParseException e) {
            throw new IOException("the answer's Expiration is not a time: " + expiration);
        }
    }

    private static String text(JsonNode object, String field) {
        JsonNode value = object.get(field);
        return value != null && value.isString() ? value.stringValue() : null;
    }

    @Override
    public void close() throws IOException {
        http.close();
    }
}
