package io.callrecords.calls;

import java.io.IOException;

/**
 * Writes the records of an export as they come, each straight from the record (no map in between: at a hundred
 * thousand records a second, the maps cost more than the rows); {@link #close()} flushes what is buffered.
 */
interface ExportWriter extends AutoCloseable {

    /** Writes one record. */
    void accept(CallRecord record) throws IOException;

    @Override
    void close() throws IOException;
}
