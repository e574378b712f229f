package io.callrecords.sources.hipcall;

import io.callrecords.media.MediaFetches;
import io.callrecords.shared.ApiException;
import io.callrecords.shared.FieldErrors;
import io.callrecords.shared.OutboundGuard;
import io.callrecords.sources.SourceActivity;
import io.callrecords.sources.SourceDocument;
import io.callrecords.sources.SourceKind;
import io.callrecords.sources.SourceProfiles;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * An account's Hipcall mirror as the API and the settings page see it: set it up (Hipcall's address and, to poll, its
 * API key, which is never read back), rotate the webhook token, stop; and what it did lately, in words.
 */
@Service
public class HipcallSettings {

    /** The webhook's path; the page and the API put the service's public address before it. */
    public static final String WEBHOOK_PATH = "/api/v3/sources/hipcall/webhook/";
    static final Set<String> FIELDS = Set.of("api_base_url", "api_key", "raw_document_retention_days");

    /** The mirror now; {@code webhookPath} with its token. */
    public record Status(String webhookPath, String apiBaseUrl, boolean apiKeySet, List<PollLine> polls,
                         List<ProblemLine> problems, List<DocumentLine> documents) {}

    public record PollLine(Instant startedAt, Instant windowFrom, Instant windowTo, int requests, int records,
                           int changed, String error) {}

    public record ProblemLine(Instant at, String callUuid, String problem) {}

    /** A kept webhook body or API record: when, which event ({@code api} for a poll), which call. */
    public record DocumentLine(Instant receivedAt, String event, String callUuid) {}

    private final HipcallMirrors mirrors;
    private final HipcallSecrets secrets;
    private final SourceProfiles profiles;
    private final SourceActivity activity;
    private final MediaFetches media;
    private final OutboundGuard guard;

    HipcallSettings(HipcallMirrors mirrors, HipcallSecrets secrets, SourceProfiles profiles, SourceActivity activity,
                    MediaFetches media, OutboundGuard guard) {
        this.mirrors = mirrors;
        this.secrets = secrets;
        this.profiles = profiles;
        this.activity = activity;
        this.media = media;
        this.guard = guard;
    }

    public Optional<Status> status(long accountId) {
        return mirrors.find(accountId).map(m -> new Status(WEBHOOK_PATH + m.webhookToken(), m.apiBaseUrl(),
                m.apiKeyEncrypted() != null,
                mirrors.recentPolls(accountId, 10).stream().map(p -> new PollLine(p.startedAt(), p.windowFrom(),
                        p.windowTo(), p.requests(), p.records(), p.changed(), p.error())).toList(),
                problems(accountId),
                activity.recentDocuments(accountId, SourceKind.HIPCALL, 20).stream().map(HipcallSettings::line).toList()));
    }

    /**
     * Sets the mirror up or changes it: {@code api_base_url} required, {@code api_key} optional (left out: the key
     * kept stays), {@code raw_document_retention_days} optional.
     *
     * @throws io.callrecords.shared.ValidationException naming each bad field
     */
    public void configure(long accountId, Map<?, ?> body) {
        FieldErrors errors = new FieldErrors();
        body.keySet().stream().map(String::valueOf).filter(k -> !FIELDS.contains(k)).sorted()
                .forEach(k -> errors.add(k, "is not a setting of the Hipcall mirror"));
        String base = null;
        if (!(body.get("api_base_url") instanceof String text) || text.isBlank()) {
            errors.add("api_base_url", "is required: Hipcall's address, such as https://use.hipcall.com.tr");
        } else {
            base = baseUrl(text.strip(), errors);
        }
        Object key = body.get("api_key");
        if (key != null && (!(key instanceof String k) || k.isBlank() || k.length() > 4096)) {
            errors.add("api_key", "must be Hipcall's API token (a non-empty string), or left out");
        }
        Object retention = body.get("raw_document_retention_days");
        if (retention != null && (!(retention instanceof Integer days) || days < 1 || days > 3650)) {
            errors.add("raw_document_retention_days", "must be a whole number of days from 1 to 3650");
        }
        errors.throwIfAny();
        mirrors.upsert(accountId, base, key == null ? null : secrets.encrypt(((String) key).strip()), key != null);
        if (retention != null) {
            profiles.write(accountId, SourceKind.HIPCALL, new HipcallProfile((Integer) retention));
        }
    }

    /** A new token: the old webhook URL stops working at once. */
    public void rotate(long accountId) {
        if (!mirrors.rotateToken(accountId)) {
            throw notMirroring();
        }
    }

    /** Stops mirroring: the webhook URL stops working and polling stops; the mirrored calls stay. */
    public void stop(long accountId) {
        if (!mirrors.delete(accountId)) {
            throw notMirroring();
        }
    }

    static ApiException notMirroring() {
        return new ApiException(HttpStatus.NOT_FOUND,
                "This account does not mirror Hipcall: PUT /api/v3/sources/hipcall with {\"api_base_url\": ...}.");
    }

    /** What could not be mirrored, and the recordings that could not be fetched, newest first. */
    private List<ProblemLine> problems(long accountId) {
        List<ProblemLine> lines = new java.util.ArrayList<>(mirrors.recentProblems(accountId, 20).stream()
                .map(p -> new ProblemLine(p.at(), p.callUuid() == null ? null : p.callUuid().toString(), p.problem()))
                .toList());
        media.failed(accountId, 20).forEach(f -> lines.add(new ProblemLine(f.at(), f.call().toString(),
                "The " + f.kind().wire() + " could not be fetched from Hipcall: " + f.error())));
        lines.sort(java.util.Comparator.comparing(ProblemLine::at).reversed());
        return lines.size() > 20 ? List.copyOf(lines.subList(0, 20)) : lines;
    }

    private static DocumentLine line(SourceDocument d) {
        String[] parts = d.docKey().split(":", 3);
        return new DocumentLine(d.receivedAt(), parts.length > 1 ? parts[1] : "?",
                parts[0].equals("-") ? null : parts[0]);
    }

    /** Hipcall's address: http(s), a host the service may reach (a private or loopback one only when allowed). */
    private String baseUrl(String text, FieldErrors errors) {
        URI uri;
        try {
            uri = URI.create(text);
        } catch (IllegalArgumentException e) {
            errors.add("api_base_url", "is not a URL");
            return null;
        }
        if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null
                || uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            errors.add("api_base_url", "must be an http(s) address such as https://use.hipcall.com.tr");
            return null;
        }
        try {
            guard.checkWithoutResolving(uri.getHost());
        } catch (OutboundGuard.Refused e) {
            errors.add("api_base_url", e.getMessage());
            return null;
        }
        return text.replaceAll("/+$", "").replaceAll("/api/v3$", "");
    }
}
