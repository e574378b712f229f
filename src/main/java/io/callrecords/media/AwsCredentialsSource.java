package io.callrecords.media;

import java.time.Instant;

/** One place AWS's default credentials chain looks for credentials; {@link AwsCredentialsChain} asks each in turn. */
interface AwsCredentialsSource {

    /** @throws Unavailable naming this source and why it gave no credentials */
    Found find() throws Unavailable;

    /** Credentials and when they expire ({@code null}: never). */
    record Found(S3Signer.Credentials credentials, Instant expiration) {
    }

    /** A source gave nothing; the message, for the chain's error, names the source and says why. */
    final class Unavailable extends Exception {

        Unavailable(String message) {
            // an expected answer when the next source may well have credentials, not a fault: no stack trace
            super(message, null, false, false);
        }
    }
}
