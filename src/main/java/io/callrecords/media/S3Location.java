package io.callrecords.media;

import java.net.URI;

/**
 * Where an object of the media bucket is: AWS S3 itself when no endpoint is set ({@code https://s3.<region>.amazonaws.com},
 * {@code .amazonaws.com.cn} in China), else the operator's S3-compatible server; the bucket in the host name
 * (virtual-hosted style, AWS's default) or, with {@code path-style}, as the first path segment (most self-hosted
 * servers). Every key starts with the configured prefix.
 */
record S3Location(URI endpoint, String bucket, String region, boolean pathStyle, String prefix) {

    static S3Location of(String endpoint, String bucket, String region, boolean pathStyle, String prefix) {
        URI base = endpoint == null || endpoint.isBlank()
                ? URI.create("https://s3." + region + (region.startsWith("cn-") ? ".amazonaws.com.cn" : ".amazonaws.com"))
                : URI.create(endpoint.strip());
        if (base.getScheme() == null || base.getHost() == null) {
            throw new IllegalStateException("callrecords.media.s3.endpoint '" + endpoint + "' is no http(s) URL");
        }
        return new S3Location(base, bucket, region, pathStyle, prefix == null ? "" : prefix);
    }

    /** The key the object has in the bucket. */
    String objectKey(String key) {
        return prefix + key;
    }

    /** The object's URL, its path encoded as S3 signs it. */
    URI uri(String key) {
        String base = endpoint.getRawPath() == null ? "" : endpoint.getRawPath().replaceAll("/+$", "");
        String host = pathStyle ? endpoint.getHost() : bucket + "." + endpoint.getHost();
        String path = base + "/" + (pathStyle ? S3Signer.encode(bucket, false) + "/" : "")
                + S3Signer.encode(objectKey(key), true);
        return URI.create(endpoint.getScheme() + "://" + host + (endpoint.getPort() == -1 ? "" : ":" + endpoint.getPort())
                + path);
    }
}
