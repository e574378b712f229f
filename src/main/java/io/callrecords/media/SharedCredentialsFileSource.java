package io.callrecords.media;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Static keys from a profile of the shared credentials file: {@code AWS_SHARED_CREDENTIALS_FILE} (a leading {@code ~}
 * is the home directory), else {@code ~/.aws/credentials}; profile {@code AWS_PROFILE}, else {@code default}. The file
 * is read at every lookup, so that a rotated one is taken up without a restart.
 */
final class SharedCredentialsFileSource implements AwsCredentialsSource {

    private final AwsSettings environment;
    private final UnaryOperator<String> systemProperties;

    SharedCredentialsFileSource(AwsSettings environment, UnaryOperator<String> systemProperties) {
        this.environment = environment;
        this.systemProperties = systemProperties;
    }

    @Override
    public Found find() throws Unavailable {
        String profile = environment.get("AWS_PROFILE");
        profile = profile == null ? "default" : profile.trim();
        Path file = file();
        String source = "shared credentials file " + file + ", profile '" + profile + "'";
        Map<String, String> properties;
        try {
            properties = profiles(Files.readAllLines(file, StandardCharsets.UTF_8)).get(profile);
        } catch (NoSuchFileException absent) {
            throw new Unavailable(source + ": no such file");
        } catch (IOException | RuntimeException unreadable) {
            throw new Unavailable(source + ": could not be read (" + unreadable.getMessage() + ")");
        }
        if (properties == null) {
            throw new Unavailable(source + ": no such profile");
        }
        S3Signer.Credentials keys = StaticKeysSource.keyPair(properties.get("aws_access_key_id"),
                properties.get("aws_secret_access_key"), properties.get("aws_session_token"));
        if (keys == null) {
            throw new Unavailable(source + ": no aws_access_key_id and aws_secret_access_key (credential_process, SSO "
                    + "and role profiles are not supported)");
        }
        return new Found(keys, null);
    }

    private Path file() {
        String home = environment.get("HOME");
        if (home == null) {
            home = systemProperties.apply("user.home");
        }
        String named = environment.get("AWS_SHARED_CREDENTIALS_FILE");
        if (named == null) {
            return Path.of(home, ".aws", "credentials");
        }
        named = named.trim();
        return named.equals("~") || named.startsWith("~/") ? Path.of(home, named.substring(1)) : Path.of(named);
    }

    /** The profiles of an INI file: {@code [name]} sections of {@code key = value} lines; {@code #} and {@code ;} comment. */
    static Map<String, Map<String, String>> profiles(List<String> lines) {
        Map<String, Map<String, String>> profiles = new HashMap<>();
        Map<String, String> section = null;
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                section = profiles.computeIfAbsent(line.substring(1, line.length() - 1).strip(), name -> new HashMap<>());
            } else if (section != null && line.indexOf('=') > 0) {
                int equals = line.indexOf('=');
                section.put(line.substring(0, equals).strip().toLowerCase(Locale.ROOT), line.substring(equals + 1).strip());
            }
        }
        return profiles;
    }
}
