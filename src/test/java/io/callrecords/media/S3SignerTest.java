package io.callrecords.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The signature against the example request AWS publishes for Signature Version 4 with S3 (GET Object). */
class S3SignerTest {

    private static final S3Signer.Credentials EXAMPLE = new S3Signer.Credentials("AKIAIOSFODNN7EXAMPLE",
            "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", null);

    @Test
    void theGetObjectExampleOfTheAwsDocumentationGetsItsPublishedSignature() {
        Map<String, String> added = new S3Signer("us-east-1").sign("GET", "/test.txt",
                Map.of("Host", "examplebucket.s3.amazonaws.com", "Range", "bytes=0-9"), S3Signer.EMPTY_PAYLOAD,
                EXAMPLE, Instant.parse("2013-05-24T00:00:00Z"));

        assertThat(added.get("authorization")).isEqualTo("AWS4-HMAC-SHA256"
                + " Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,"
                + "SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,"
                + "Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41");
        assertThat(added).containsEntry("x-amz-date", "20130524T000000Z")
                .containsEntry("x-amz-content-sha256", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
                .doesNotContainKeys("host", "range", "x-amz-security-token");
    }

    @Test
    void aSessionTokenIsSentAndSigned() {
        Map<String, String> added = new S3Signer("us-east-1").sign("GET", "/test.txt",
                Map.of("Host", "examplebucket.s3.amazonaws.com"), S3Signer.EMPTY_PAYLOAD,
                new S3Signer.Credentials(EXAMPLE.accessKey(), EXAMPLE.secretKey(), "token"),
                Instant.parse("2013-05-24T00:00:00Z"));
        assertThat(added).containsEntry("x-amz-security-token", "token");
        assertThat(added.get("authorization")).contains("SignedHeaders=host;x-amz-content-sha256;x-amz-date;x-amz-security-token,");
    }

    @Test
    void keysAreEncodedAsS3SignsThem() {
        assertThat(S3Signer.encode("media/1/ab/call id/recording-x.wav", true)).isEqualTo("media/1/ab/call%20id/recording-x.wav");
        assertThat(S3Signer.encode("a/b+c~ü", false)).isEqualTo("a%2Fb%2Bc~%C3%BC");
    }
}
