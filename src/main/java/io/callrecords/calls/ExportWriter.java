package io.callrecords.calls;

import java.io.IOException;

/** Writes the records of an export as they come; {@link #close()} flushes what is buffered. */
interface ExportWriter extends CallRecords.RecordSink, AutoCloseable {

    @Override
    void close() throws IOException;
}
