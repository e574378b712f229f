package io.callrecords.media;

import io.callrecords.shared.CallrecordsProperties;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The start of every media link. {@code callrecords.public-base-url} in production (links leave the
 * service in API answers and webhooks, sent outside any request, so the request's own host cannot
 * be used); unset, {@code http://localhost:<the port the server listens on>}.
 */
@Component
class PublicBaseUrl {

    private final String configured;
    private volatile int port = 8080;

    PublicBaseUrl(CallrecordsProperties properties) {
        String value = properties.publicBaseUrl();
        this.configured = value == null || value.isBlank() ? null : value.replaceAll("/+$", "");
    }

    @EventListener
    void serverStarted(WebServerInitializedEvent event) {
        port = event.getWebServer().getPort();
    }

    String get() {
        return configured != null ? configured : "http://localhost:" + port;
    }
}
