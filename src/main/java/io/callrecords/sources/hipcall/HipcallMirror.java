package io.callrecords.sources.hipcall;

import io.callrecords.calls.MirroredRecords;
import io.callrecords.media.MediaFetches;
import io.callrecords.media.MediaKind;
import io.callrecords.shared.ValidationException;
import io.callrecords.sources.IncomingDocument;
import io.callrecords.sources.SourceIntake;
import io.callrecords.sources.SourceKind;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps an account's calls as its Hipcall computed them (docs/hipcall.md): each webhook body or API record is kept
 * as it came through the sources core (a retry of one body is a duplicate; a changed body is kept too), then written
 * as a mirrored record, and the recording or voicemail it names is fetched at once, once per new document. What
 * cannot be mirrored is kept in words for the source page; the document stays acknowledged all the same.
 */
@Service
class HipcallMirror {

    private static final Logger log = LoggerFactory.getLogger(HipcallMirror.class);

    /** Events that carry a call record in {@code data}; any other event is acknowledged and kept only. */
    static final Set<String> CALL_EVENTS = Set.of("call_init", "call_bridged", "call_hangup");

    /** What a batch of documents did. */
    record Outcome(int stored, int duplicates, int mirrored, int changed, List<String> problems) {}

    private final SourceIntake intake;
    private final MirroredRecords records;
    private final MediaFetches media;
    private final HipcallMirrors mirrors;
    private final JsonMapper json;

    HipcallMirror(SourceIntake intake, MirroredRecords records, MediaFetches media, HipcallMirrors mirrors,
                  JsonMapper json) {
        this.intake = intake;
        this.records = records;
        this.media = media;
        this.mirrors = mirrors;
        this.json = json;
    }

    /** One webhook body as Hipcall posted it: kept first, then mirrored. */
    Outcome webhook(long accountId, String contentType, String body, Map<?, ?> parsed, String apiBaseUrl) {
        String event = parsed.get("event") instanceof String e ? e : "unknown";
        Object data = parsed.get("data");
        return keepAndMirror(accountId, List.of(new Item(event, data, contentType, body)), apiBaseUrl,
                MirroredRecords.Announce.LIVE);
    }

    /** Records read from Hipcall's API by the poller (as found, one document each). */
    Outcome polled(long accountId, List<Map<String, Object>> found, String apiBaseUrl) {
        List<Item> items = found.stream().map(r -> new Item("api", r, "application/json", json.writeValueAsString(r)))
                .toList();
        return keepAndMirror(accountId, items, apiBaseUrl, MirroredRecords.Announce.LIVE);
    }

    /**
     * An imported webhook log or API export, all or nothing: every record is checked first (a bad one is a 422 naming
     * {@code records[i].field}), then kept and written.
     */
    Outcome imported(long accountId, List<Item> items, String apiBaseUrl) {
        List<Object> checked = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).carriesRecord()) {
                checked.add(HipcallRecords.normalise(items.get(i).data()));
                names.add("api".equals(items.get(i).event()) ? "records[" + i + "]" : "records[" + i + "].data");
            }
        }
        records.check(accountId, checked, names);
        return keepAndMirror(accountId, items, apiBaseUrl, MirroredRecords.Announce.HISTORY);
    }

    /** A document: its event ({@code api} for a record read from the API), its record, and the text it came as. */
    record Item(String event, Object data, String contentType, String body) {
        boolean carriesRecord() {
            return (CALL_EVENTS.contains(event) || "api".equals(event)) && data instanceof Map<?, ?>;
        }

        String uuid() {
            return data instanceof Map<?, ?> m && m.get("uuid") instanceof String u ? u : null;
        }
    }

    private Outcome keepAndMirror(long accountId, List<Item> items, String apiBaseUrl,
                                  MirroredRecords.Announce announce) {
        List<IncomingDocument> documents = new ArrayList<>();
        java.util.Map<String, Item> byKey = new java.util.HashMap<>();
        for (Item item : items) {
            // A call key is left out on purpose: the core translates calls with a key, and Hipcall's are mirrored.
            IncomingDocument d = new IncomingDocument(docKey(item), null, item.contentType(), item.body(),
                    occurredAt(item));
            documents.add(d);
            byKey.putIfAbsent(d.docKey(), item);
        }
        SourceIntake.Receipt receipt = intake.accept(accountId, SourceKind.HIPCALL, documents);
        List<Item> fresh = receipt.stored().stream().map(d -> byKey.get(d.docKey()))
                .filter(Item::carriesRecord).toList();
        List<String> problems = new ArrayList<>();
        int mirrored = 0;
        int changed = 0;
        if (!fresh.isEmpty()) {
            List<Object> normalised = fresh.stream().map(i -> HipcallRecords.normalise(i.data())).toList();
            List<MirroredRecords.Written> written = new ArrayList<>();
            try {
                written.addAll(records.mirror(accountId, normalised, "records", announce));
            } catch (ValidationException e) {
                // one bad record must not keep the others of a poll's page out: each is written on its own, and
                // the bad ones are kept as problems, in words for the source page (their bodies stay kept)
                for (int i = 0; i < fresh.size(); i++) {
                    try {
                        written.addAll(records.mirror(accountId, List.of(normalised.get(i)), "records", announce));
                    } catch (ValidationException bad) {
                        String problem = "Hipcall's record could not be read: " + words(bad);
                        problems.add(problem);
                        mirrors.recordProblem(accountId, uuidOrNull(fresh.get(i).uuid()), problem);
                    }
                }
            }
            mirrored = written.size();
            changed = (int) written.stream().filter(MirroredRecords.Written::changed).count();
            for (Item item : fresh) {
                fetchMedia(accountId, item, apiBaseUrl, problems);
            }
        }
        return new Outcome(receipt.stored().size(), receipt.duplicates(), mirrored, changed, problems);
    }

    /**
     * Fetches the audio a new document names, once per file (Hipcall signs the same file's link anew on every read);
     * a refused URL is kept as a problem of the call.
     */
    private void fetchMedia(long accountId, Item item, String apiBaseUrl, List<String> problems) {
        Map<?, ?> data = (Map<?, ?>) item.data();
        UUID call = uuidOrNull(item.uuid());
        if (call == null) {
            return;
        }
        for (MediaKind kind : MediaKind.values()) {
            String field = kind == MediaKind.RECORDING ? "record_url" : "voicemail_url";
            if (data.get(field) instanceof String url && !url.isBlank()) {
                int query = url.indexOf('?');
                if (!mirrors.newMediaSource(accountId, call, kind.wire(), query < 0 ? url : url.substring(0, query))) {
                    continue; // the same file as before: a poll's or a retry's new signature fetches nothing again
                }
                try {
                    // Hipcall's demo also handles a link relative to its host
                    media.fetch(accountId, call, kind, URI.create(apiBaseUrl + "/").resolve(url).toString());
                } catch (ValidationException | IllegalArgumentException e) {
                    String problem = "The " + kind.wire() + " of call " + call + " cannot be fetched from " + url + ": "
                            + (e instanceof ValidationException v ? words(v) : e.getMessage());
                    log.info("Hipcall mirror of account {}: {}", accountId, problem);
                    problems.add(problem);
                    mirrors.recordProblem(accountId, call, problem);
                }
            }
        }
    }

    /** The call's uuid + the event + the body's hash: a retry of one body is a duplicate, a changed body is kept. */
    private static String docKey(Item item) {
        String uuid = item.uuid() == null ? "-" : item.uuid();
        String event = item.event().length() > 64 ? item.event().substring(0, 64) : item.event();
        return uuid + ":" + event + ":" + sha256(canonical(item));
    }

    /**
     * What identifies a version of a record: the body, but with the media links' query strings left out, since
     * Hipcall signs them anew on every read (a poll of an unchanged record must be a duplicate).
     */
    private static String canonical(Item item) {
        if (!(item.data() instanceof Map<?, ?> data)) {
            return item.body();
        }
        @SuppressWarnings("unchecked")
        TreeMap<String, Object> sorted = (TreeMap<String, Object>) sortedKeys(data);
        for (String field : List.of("record_url", "voicemail_url")) {
            if (sorted.get(field) instanceof String url) {
                int query = url.indexOf('?');
                sorted.put(field, query < 0 ? url : url.substring(0, query));
            }
        }
        return sorted.toString();
    }

    /** Hipcall writes its maps' keys in no fixed order: two reads of one record must hash alike. */
    private static Object sortedKeys(Object value) {
        return switch (value) {
            case Map<?, ?> map -> {
                TreeMap<String, Object> sorted = new TreeMap<>();
                map.forEach((k, v) -> sorted.put(String.valueOf(k), sortedKeys(v)));
                yield sorted;
            }
            case List<?> list -> list.stream().map(HipcallMirror::sortedKeys).toList();
            case null, default -> value;
        };
    }

    private static Instant occurredAt(Item item) {
        if (item.data() instanceof Map<?, ?> m) {
            Object at = m.get("ended_at") instanceof String e ? e : m.get("started_at");
            if (at instanceof String text) {
                try {
                    return OffsetDateTime.parse(text).toInstant();
                } catch (RuntimeException e) {
                    return null;
                }
            }
        }
        return null;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String words(ValidationException e) {
        return e.errors().entrySet().stream().map(en -> en.getKey() + " " + String.join(", ", en.getValue()))
                .collect(Collectors.joining("; "));
    }

    private static UUID uuidOrNull(String text) {
        try {
            return text == null ? null : UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
