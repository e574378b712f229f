package io.callrecords.sources;

import io.callrecords.shared.CallrecordsProperties;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The address a phone system is told to send to (a snippet, a webhook URL, the agent's {@code --url}): under
 * {@code callrecords.public-base-url} when it is set, since the PBX reaches the service from outside; else as this
 * request reached the service.
 */
public final class SourceEndpoints {

    private SourceEndpoints() {}

    /** The service's base address, without a trailing slash; called while handling a request. */
    public static String base(CallrecordsProperties properties) {
        String configured = properties.publicBaseUrl();
        if (configured != null && !configured.isBlank()) {
            return configured.replaceAll("/+$", "");
        }
        return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString()
                .replaceAll("/+$", "");
    }

    /** {@link #base} followed by {@code path} (which starts with a slash). */
    public static String url(CallrecordsProperties properties, String path) {
        return base(properties) + path;
    }
}
