package io.callrecords.calls;

import io.callrecords.people.EntryNames;
import java.io.IOException;

/**
 * Writes the records of an export as they come, each straight from the record (no map in between: at a hundred
 * thousand records a second, the maps cost more than the rows); {@link #close()} flushes what is buffered.
 */
interface ExportWriter extends AutoCloseable {

    /**
     * Whether the format carries the names of the account's directory beside the ids (the CSV does); then the export
     * looks them up a batch of records at a time. NDJSON serves each record as the API does, ids only.
     */
    default boolean named() {
        return false;
    }

    /** Writes one record; {@code names} holds its batch's names when {@link #named()}, else none. */
    void accept(CallRecord record, EntryNames names) throws IOException;

    @Override
    void close() throws IOException;
}
