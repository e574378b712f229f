package io.callrecords.sources.asterisk;

import io.callrecords.people.DirectoryRefs;
import io.callrecords.people.EntryKind;
import io.callrecords.people.SourceExtensions;
import io.callrecords.shared.CsvReader;
import io.callrecords.shared.ValidationException;
import io.callrecords.sources.IncomingDocument;
import io.callrecords.sources.SourceIntake;
import io.callrecords.sources.SourceKind;
import io.callrecords.sources.SourceProfiles;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.stereotype.Service;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a request of CEL events or queue_log lines whole (all or nothing: the first unreadable one is named with its
 * field), files each under its call (see {@link AsteriskCallKeys}) and hands them to the sources core.
 */
@Service
class AsteriskIntake {

    /** What a request became; the wire shape of the answer. */
    record Result(int stored, int duplicates, List<CallResult> calls) {}

    /** A request's result and the keys of the documents it stored now. */
    private record Stored(Result result, Set<String> keys) {}

    record CallResult(String callKey, UUID callUuid, int events, boolean finished, String problem) {}

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, JsonNode>> OBJECT = new TypeReference<>() {};

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(AsteriskIntake.class);
    private static final java.util.regex.Pattern EXTENSION = java.util.regex.Pattern.compile(
            "\\d{1," + io.callrecords.shared.PhoneNumbers.MAX_EXTENSION_DIGITS + "}");

    private final SourceIntake core;
    private final AsteriskCallKeys keys;
    private final SourceProfiles profiles;
    private final AsteriskTranslator translator;

    private final SourceExtensions extensions;
    private final DirectoryRefs refs;

    AsteriskIntake(SourceIntake core, AsteriskCallKeys keys, SourceProfiles profiles, AsteriskTranslator translator,
                   SourceExtensions extensions, DirectoryRefs refs) {
        this.extensions = extensions;
        this.refs = refs;
        this.core = core;
        this.keys = keys;
        this.profiles = profiles;
        this.translator = translator;
    }

    AsteriskProfile profile(long accountId) {
        return profiles.read(accountId, SourceKind.ASTERISK, AsteriskProfile.class, translator.defaultProfile());
    }

    /** A CEL document read, before it has a call. */
    private record Read(String docKey, String uniqueId, String linkedId, String contentType, String body,
                        java.time.Instant at, CelEvent cel) {}

    Result cel(long accountId, String body, String contentType) {
        AsteriskProfile profile = profile(accountId);
        List<Read> reads = new ArrayList<>();
        if (contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).startsWith("text/csv")) {
            List<List<String>> records;
            try {
                records = CsvReader.records(body);
            } catch (CsvReader.UnclosedQuote e) {
                throw ValidationException.of("line " + (e.record + 1), "has a quote that is never closed");
            }
            if (records.isEmpty()) {
                throw ValidationException.of("body", "is empty: send a header line and CEL rows");
            }
            List<String> header = records.getFirst();
            for (int i = 1; i < records.size(); i++) {
                List<String> row = records.get(i);
                if (row.size() == 1 && row.getFirst().isBlank()) {
                    continue;
                }
                if (row.size() != header.size()) {
                    throw ValidationException.of("line " + (i + 1), "has " + row.size() + " columns; the header has "
                            + header.size());
                }
                ObjectNode fields = JSON.createObjectNode();
                for (int c = 0; c < header.size(); c++) {
                    fields.put(header.get(c).strip(), row.get(c));
                }
                reads.add(readCel(fields, "line " + (i + 1), profile));
            }
        } else {
            List<JsonNode> items = jsonItems(body, "events");
            for (int i = 0; i < items.size(); i++) {
                if (!items.get(i).isObject()) {
                    throw ValidationException.of("events[" + i + "]", "is not a JSON object");
                }
                reads.add(readCel((ObjectNode) items.get(i), "events[" + i + "]", profile));
            }
        }
        Map<String, String> callKeys = keys.keys(accountId, reads.stream()
                .map(r -> new AsteriskCallKeys.Link(r.uniqueId(), r.linkedId())).toList());
        List<IncomingDocument> documents = reads.stream().map(r -> new IncomingDocument(r.docKey(),
                callKeys.get(r.linkedId()), r.contentType(), r.body(), r.at())).toList();
        Stored stored = store(accountId, documents);
        listExtensions(accountId, profile, reads, stored.keys());
        return stored.result();
    }

    /**
     * Lists under /api/v3/extensions, once, the extensions whose phones the new events name (issue 19: extensions
     * become directory users on first sight, as FreeSWITCH's do). Outside the translation, after the documents are
     * stored: it never fails the request (a problem is logged), and a known extension costs one query per request.
     */
    private void listExtensions(long accountId, AsteriskProfile profile, List<Read> reads,
                                java.util.Set<String> storedKeys) {
        Map<String, String> names = new java.util.TreeMap<>();
        for (Read r : reads) {
            if (!storedKeys.contains(r.docKey()) || AsteriskProfile.matches(profile.trunkChannels(), r.cel().channel())) {
                continue;
            }
            String device = CelCall.deviceOf(r.cel().channel());
            if (EXTENSION.matcher(device).matches()) {
                String cidName = r.cel().cidName();
                String name = cidName != null && !cidName.isBlank() && !cidName.equals(device) ? cidName
                        : "Extension " + device;
                names.putIfAbsent(device, name);
            }
        }
        if (names.isEmpty()) {
            return;
        }
        String source = SourceKind.ASTERISK.wire();
        try {
            for (String device : extensions.unlisted(accountId, source, names.keySet())) {
                try {
                    long user = refs.resolve(accountId, EntryKind.USER, source, device, names.get(device));
                    extensions.listOnce(accountId, source, device, device, user);
                } catch (RuntimeException e) {
                    log.warn("Listing extension {} of account {} failed", device, accountId, e);
                }
            }
        } catch (RuntimeException e) {
            log.warn("Listing the extensions of account {} failed", accountId, e);
        }
    }

    Result queueLog(long accountId, String body, String contentType) {
        AsteriskProfile profile = profile(accountId);
        List<QueueLogEntry> entries = new ArrayList<>();
        List<String> bodies = new ArrayList<>();
        String type;
        if (contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).contains("json")) {
            type = AsteriskTranslator.QUEUE_LOG_ROW;
            List<JsonNode> items = jsonItems(body, "rows");
            for (int i = 0; i < items.size(); i++) {
                if (!items.get(i).isObject()) {
                    throw ValidationException.of("rows[" + i + "]", "is not a JSON object");
                }
                try {
                    entries.add(QueueLogEntry.row(JSON.convertValue(items.get(i), OBJECT), profile.zone()));
                } catch (BadInput e) {
                    throw ValidationException.of("rows[" + i + "]." + e.field, e.getMessage());
                }
                bodies.add(items.get(i).toString());
            }
        } else {
            type = AsteriskTranslator.QUEUE_LOG_LINE;
            String[] lines = body.split("\r?\n");
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].isBlank()) {
                    continue;
                }
                try {
                    entries.add(QueueLogEntry.line(lines[i], profile.zone()));
                } catch (BadInput e) {
                    throw ValidationException.of("line " + (i + 1) + "." + e.field, e.getMessage());
                }
                bodies.add(lines[i].strip());
            }
        }
        // queue_log names the caller's channel: it stands for its own linkedid until CEL joins it to its call.
        Map<String, String> callKeys = keys.keys(accountId, entries.stream().filter(QueueLogEntry::aboutACall)
                .map(e -> new AsteriskCallKeys.Link(e.callId(), e.callId())).toList());
        List<IncomingDocument> documents = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            QueueLogEntry e = entries.get(i);
            documents.add(new IncomingDocument(e.docKey(), e.aboutACall() ? callKeys.get(e.callId()) : null, type,
                    bodies.get(i), e.at()));
        }
        return store(accountId, documents).result();
    }

    private Stored store(long accountId, List<IncomingDocument> documents) {
        SourceIntake.Receipt receipt = core.accept(accountId, SourceKind.ASTERISK, documents);
        Map<String, CallResult> calls = new LinkedHashMap<>();
        receipt.calls().forEach(c -> calls.put(c.callKey(), result(c)));
        Set<String> used = new TreeSet<>();
        receipt.stored().stream().map(IncomingDocument::callKey).filter(java.util.Objects::nonNull).forEach(used::add);
        Map<String, String> moved = keys.settle(accountId, used);
        calls.keySet().removeAll(moved.keySet());
        core.translateAll(accountId, SourceKind.ASTERISK, List.copyOf(new TreeSet<>(moved.values())))
                .forEach(c -> calls.put(c.callKey(), result(c)));
        return new Stored(new Result(receipt.stored().size(), receipt.duplicates(), List.copyOf(calls.values())),
                receipt.stored().stream().map(IncomingDocument::docKey).collect(java.util.stream.Collectors.toSet()));
    }

    private static CallResult result(SourceIntake.CallOutcome c) {
        return new CallResult(c.callKey(), c.callUuid(), c.events(), c.finished(), c.problem());
    }

    private Read readCel(ObjectNode fields, String where, AsteriskProfile profile) {
        CelEvent cel;
        try {
            cel = CelEvent.read(JSON.convertValue(fields, OBJECT), profile.zone());
        } catch (BadInput e) {
            throw ValidationException.of(where + "." + e.field, e.getMessage());
        }
        return new Read(cel.docKey(), cel.uniqueId(), cel.linkedId(), AsteriskTranslator.CEL, fields.toString(),
                cel.at(), cel);
    }

    /** A JSON array, one object, or NDJSON. */
    private static List<JsonNode> jsonItems(String body, String name) {
        String text = body.strip();
        if (text.isEmpty()) {
            throw ValidationException.of(name, "is empty: send a JSON array of objects");
        }
        List<JsonNode> items = new ArrayList<>();
        try {
            if (text.startsWith("[")) {
                JSON.readTree(text).forEach(items::add);
            } else {
                String[] lines = text.split("\r?\n");
                if (lines.length == 1) {
                    items.add(JSON.readTree(text));
                } else {
                    for (int i = 0; i < lines.length; i++) {
                        if (!lines[i].isBlank()) {
                            try {
                                items.add(JSON.readTree(lines[i]));
                            } catch (RuntimeException e) {
                                throw ValidationException.of("line " + (i + 1), "is not JSON");
                            }
                        }
                    }
                }
            }
        } catch (ValidationException e) {
            throw e;
        } catch (RuntimeException e) {
            throw ValidationException.of(name, "is not JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
        return items;
    }
}
