package io.callrecords.calls;

import java.io.IOException;

/**
 * Writes the records of an export as they come, each from the values of its row (no map in between: at a hundred
 * thousand records a second, the maps cost more than the rows); {@link #close()} flushes what is buffered.
 */
interface ExportWriter extends AutoCloseable {

    /** Writes one record, given as the values of its row ({@link WireField#values}). */
    void accept(Object[] values) throws IOException;

    @Override
    void close() throws IOException;
}
