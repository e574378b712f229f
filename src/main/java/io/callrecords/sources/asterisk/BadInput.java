package io.callrecords.sources.asterisk;

/** A field of a CEL event or a queue_log line that cannot be read; {@code field} as the sender named it. */
final class BadInput extends RuntimeException {

    final String field;

    BadInput(String field, String message) {
        super(message);
        this.field = field;
    }
}
