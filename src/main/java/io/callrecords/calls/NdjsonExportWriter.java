package io.callrecords.calls;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** One record per line, each exactly as {@code GET /api/v3/calls/{uuid}} serves it in {@code data}. */
final class NdjsonExportWriter implements ExportWriter {

    private final OutputStream out;
    private final JsonMapper json;

    NdjsonExportWriter(OutputStream out, JsonMapper json) {
        this.out = out;
        this.json = json;
    }

    @Override
    public void accept(Map<String, Object> record) throws IOException {
        out.write(json.writeValueAsBytes(record));
        out.write('\n');
    }

    @Override
    public void close() throws IOException {
        out.flush();
    }
}
