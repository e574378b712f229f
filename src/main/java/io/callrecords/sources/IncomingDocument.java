package io.callrecords.sources;

import java.time.Instant;
import java.util.Objects;

/**
 * A document as a source sent it, about to be stored.
 *
 * @param docKey      the natural idempotency key (FreeSWITCH leg uuid, CEL row identity ...): a second document with
 *                    the same key is a retry and changes nothing
 * @param callKey     the call it belongs to (FreeSWITCH A-leg uuid, Asterisk linkedid ...), or null when the source
 *                    cannot tell yet; a document without one is kept but translates into nothing
 * @param contentType how the body was sent, kept to re-read it later
 * @param body        the document as it came, after transport decoding only
 * @param occurredAt  when the platform says it happened, or null
 */
public record IncomingDocument(String docKey, String callKey, String contentType, String body, Instant occurredAt) {

    /** Longer keys are not natural keys of any platform; they would only bloat the unique index. */
    static final int MAX_KEY_LENGTH = 512;

    public IncomingDocument {
        Objects.requireNonNull(docKey, "docKey");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(body, "body");
        if (docKey.isBlank() || docKey.length() > MAX_KEY_LENGTH) {
            throw new IllegalArgumentException("a document key has 1 to " + MAX_KEY_LENGTH + " characters");
        }
        if (callKey != null && (callKey.isBlank() || callKey.length() > MAX_KEY_LENGTH)) {
            throw new IllegalArgumentException("a call key has 1 to " + MAX_KEY_LENGTH + " characters");
        }
    }
}
