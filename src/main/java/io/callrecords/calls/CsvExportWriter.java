package io.callrecords.calls;

import io.callrecords.shared.Csv;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

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

    /** Writes the header row; called once, before the first record. */
    CsvExportWriter header() throws IOException {
        out.write(String.join(",", WireField.NAMES));
        out.write("\r\n");
        return this;
    }

    @Override
    public void accept(Object[] values) throws IOException {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            Object value = values[i];
            if (value instanceof String text) {
                write(text);
            } else if (value != null) {
                out.write(value.toString());
            }
        }
        out.write("\r\n");
    }

    private void write(String text) throws IOException {
        out.write(Csv.field(text));
    }

    @Override
    public void close() throws IOException {
        out.flush();
    }
}
