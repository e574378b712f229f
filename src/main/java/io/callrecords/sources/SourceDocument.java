package io.callrecords.sources;

import java.time.Instant;

/** A stored document (see {@link IncomingDocument}); {@code id} grows with arrival. */
public record SourceDocument(long id, SourceKind source, String docKey, String callKey, String contentType, String body,
                             Instant occurredAt, Instant receivedAt) {}
