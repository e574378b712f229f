package io.callrecords.calls;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.util.RawValue;

/**
 * CSV as RFC 4180 has it: a header row of the record's field names, lines ending in CRLF, a field in double
 * quotes (inner quotes doubled) when it holds a comma, a quote or a line break. Null is an empty field;
 * {@code call_flow} is its JSON text, in quotes.
 */
final class CsvExportWriter implements ExportWriter {

    private final Writer out;

    CsvExportWriter(OutputStream out) {
        this.out = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    }

    @Override
    public void accept(Map<String, Object> record) throws IOException {
        List<String> fields = CallRecordView.FIELDS;
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            write(record.get(fields.get(i)));
        }
        out.write("\r\n");
    }

    /** Writes the header row; called once, before the first record. */
    CsvExportWriter header() throws IOException {
        out.write(String.join(",", CallRecordView.FIELDS));
        out.write("\r\n");
        return this;
    }

    private void write(Object value) throws IOException {
        if (value == null) {
            return;
        }
        String text = value instanceof RawValue raw ? String.valueOf(raw.rawValue()) : value.toString();
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            out.write(text);
            return;
        }
        out.write('"');
        out.write(text.replace("\"", "\"\""));
        out.write('"');
    }

    @Override
    public void close() throws IOException {
        out.flush();
    }
}
