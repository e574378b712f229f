package io.callrecords.media;

/**
 * Static keys from settings of one kind — system properties or environment variables: an access key and a secret key,
 * and a session token when the keys are temporary.
 */
final class StaticKeysSource implements AwsCredentialsSource {

    private final String source;
    private final AwsSettings settings;
    private final String accessKey;
    private final String secretKey;
    private final String sessionToken;

    /** The three parameters after {@code settings} are the names of the settings. */
    private StaticKeysSource(String kind, AwsSettings settings, String accessKey, String secretKey, String sessionToken) {
        this.source = kind + " " + accessKey + ", " + secretKey;
        this.settings = settings;
        this.accessKey = accessKey;
        this.secretKey = secretKey;
        this.sessionToken = sessionToken;
    }

    static StaticKeysSource systemProperties(AwsSettings systemProperties) {
        return new StaticKeysSource("system properties", systemProperties,
                "aws.accessKeyId", "aws.secretAccessKey", "aws.sessionToken");
    }

    static StaticKeysSource environment(AwsSettings environment) {
        return new StaticKeysSource("environment", environment,
                "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN");
    }

    @Override
    public Found find() throws Unavailable {
        String access = settings.get(accessKey);
        String secret = settings.get(secretKey);
        if (access == null && secret == null) {
            throw new Unavailable(source + ": not set");
        }
        S3Signer.Credentials keys = keyPair(access, secret, settings.get(sessionToken));
        if (keys == null) {
            throw new Unavailable(source + ": only one of the two is set");
        }
        return new Found(keys, null);
    }

    /** Both keys trimmed, or null when either is blank; the session token only when it is not blank. */
    static S3Signer.Credentials keyPair(String accessKey, String secretKey, String sessionToken) {
        if (AwsSettings.isBlank(accessKey) || AwsSettings.isBlank(secretKey)) {
            return null;
        }
        return new S3Signer.Credentials(accessKey.trim(), secretKey.trim(),
                AwsSettings.isBlank(sessionToken) ? null : sessionToken.trim());
    }
}
