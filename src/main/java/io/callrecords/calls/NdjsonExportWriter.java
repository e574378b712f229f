package io.callrecords.calls;

import java.io.IOException;
import java.io.OutputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.io.SerializedString;
import tools.jackson.databind.json.JsonMapper;

/** One record per line, each exactly as {@code GET /api/v3/calls/{uuid}} serves it in {@code data}. */
final class NdjsonExportWriter implements ExportWriter {

    private static final SerializedString[] NAMES = WireField.ALL.stream().map(f -> new SerializedString(f.name()))
            .toArray(SerializedString[]::new);

    private final OutputStream out;
    private final JsonGenerator json;
    private boolean any;

    NdjsonExportWriter(OutputStream out, JsonMapper mapper) {
        this.out = out;
        // one generator for the whole stream; it puts the separator between records, close() ends the last line
        this.json = mapper.writer().withRootValueSeparator("\n").createGenerator(out);
    }

    @Override
    public void accept(ResultSet row) throws SQLException {
        json.writeStartObject();
        for (int i = 0; i < NAMES.length; i++) {
            WireField field = WireField.ALL.get(i);
            json.writeName(NAMES[i]);
            switch (field.read(row)) {
                case null -> json.writeNull();
                case String text when field.kind() == WireField.Kind.FLOW -> json.writeRawValue(text);
                case String text -> json.writeString(text);
                case Long number -> json.writeNumber(number);
                case Integer number -> json.writeNumber(number);
                case Boolean flag -> json.writeBoolean(flag);
                default -> throw new IllegalStateException("No wire form for " + field);
            }
        }
        json.writeEndObject();
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
