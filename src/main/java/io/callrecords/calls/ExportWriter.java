package io.callrecords.calls;

import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Writes the records of an export as they come, each straight from its row (no map in between: at a hundred
 * thousand records a second, the maps cost more than the rows); {@link #close()} flushes what is buffered.
 */
interface ExportWriter extends AutoCloseable {

    /** Writes the record of the current row of {@code row} (columns of {@link WireField#COLUMNS}). */
    void accept(ResultSet row) throws SQLException, IOException;

    @Override
    void close() throws IOException;
}
