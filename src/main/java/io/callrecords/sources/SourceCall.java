package io.callrecords.sources;

import java.time.Instant;
import java.util.UUID;

/**
 * A call a source sent documents of, and where its translation stands.
 *
 * @param pending  a document arrived after the last translation
 * @param finished the platform said the call ended, or its quiet period passed
 * @param events   how many events the last translation gave
 * @param failed   the last translation could not read the documents; {@code problem} says why
 * @param problem  why the last translation failed, or what the documents lacked; null when nothing
 */
public record SourceCall(long accountId, SourceKind source, String callKey, UUID callUuid, Instant firstDocumentAt,
                         Instant lastDocumentAt, int documents, boolean pending, boolean finished,
                         Instant translatedAt, int events, boolean failed, String problem) {}
