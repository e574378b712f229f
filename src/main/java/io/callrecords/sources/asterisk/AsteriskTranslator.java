package io.callrecords.sources.asterisk;

import io.callrecords.shared.CallrecordsProperties;
import io.callrecords.sources.CallDocuments;
import io.callrecords.sources.DirectoryIds;
import io.callrecords.sources.SourceDocument;
import io.callrecords.sources.SourceKind;
import io.callrecords.sources.SourceTranslator;
import io.callrecords.sources.Translation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Asterisk's translation (ADR 0029). A group of linkedids is translated into events only once it is complete (every
 * linkedid has LINKEDID_END and every channel CHAN_END), because a pickup or a transfer can still join it to another
 * group and move its documents to another call; a group that never completes is translated after the quiet period,
 * as the core then ends it.
 */
@Component
class AsteriskTranslator implements SourceTranslator<AsteriskProfile> {

    static final String CEL = "application/vnd.asterisk.cel+json";
    static final String QUEUE_LOG_LINE = "text/vnd.asterisk.queue-log";
    static final String QUEUE_LOG_ROW = "application/vnd.asterisk.queue-log+json";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, JsonNode>> OBJECT = new TypeReference<>() {};

    private final Clock clock;
    private final Duration quietPeriod;

    AsteriskTranslator(Clock clock, CallrecordsProperties properties) {
        this.clock = clock;
        this.quietPeriod = properties.sources().quietPeriod();
    }

    @Override
    public SourceKind kind() {
        return SourceKind.ASTERISK;
    }

    @Override
    public Class<AsteriskProfile> profileType() {
        return AsteriskProfile.class;
    }

    @Override
    public AsteriskProfile defaultProfile() {
        return AsteriskProfile.FREEPBX;
    }

    @Override
    public Translation translate(CallDocuments call, AsteriskProfile profile, DirectoryIds ids) {
        List<CelCall.Row> rows = new ArrayList<>();
        List<CelCall.QueueRow> queue = new ArrayList<>();
        Instant last = Instant.EPOCH;
        for (SourceDocument d : call.documents()) {
            if (d.receivedAt() != null && d.receivedAt().isAfter(last)) {
                last = d.receivedAt();
            }
            read(d, profile, rows, queue);
        }
        boolean complete = CelCall.complete(rows);
        if (!complete && !last.isBefore(clock.instant().minus(quietPeriod))) {
            return Translation.nothingYet();
        }
        return CelCall.translate(rows, queue, complete, profile, ids, call.callUuid());
    }

    static void read(SourceDocument d, AsteriskProfile profile, List<CelCall.Row> rows,
                     List<CelCall.QueueRow> queue) {
        switch (d.contentType()) {
            case CEL -> rows.add(new CelCall.Row(CelEvent.read(JSON.readValue(d.body(), OBJECT), profile.zone()),
                    d.id()));
            case QUEUE_LOG_LINE -> queue.add(new CelCall.QueueRow(QueueLogEntry.line(d.body(), profile.zone()),
                    d.id()));
            case QUEUE_LOG_ROW -> queue.add(new CelCall.QueueRow(
                    QueueLogEntry.row(JSON.readValue(d.body(), OBJECT), profile.zone()), d.id()));
            default -> throw new IllegalStateException("document " + d.docKey() + " has an unknown type "
                    + d.contentType());
        }
    }
}
