package io.callrecords.calls;

import io.callrecords.people.EntryNames;
import java.io.IOException;
import java.io.OutputStream;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/** One record per line, each exactly as {@code GET /api/v3/calls/{uuid}} serves it in {@code data}. */
final class NdjsonExportWriter implements ExportWriter {

    private final OutputStream out;
    private final JsonGenerator json;
    private boolean any;

    NdjsonExportWriter(OutputStream out, JsonMapper mapper) {
        this.out = out;
        // one generator for the whole stream; it puts the separator between records, close() ends the last line
        this.json = mapper.writer().withRootValueSeparator("\n").createGenerator(out);
    }

    @Override
    public void accept(CallRecord record, EntryNames names) {
        RecordJson.write(record, json);
        any = true;
    }

    @Override
    public void close() throws IOException {
        if (any) {
            json.writeRaw('\n');
        }
        json.flush();
        out.flush();
    }
}
