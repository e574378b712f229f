package io.callrecords.calls;

import io.callrecords.shared.Csv;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * CSV as RFC 4180 has it: a header row of the record's field names, lines ending in CRLF, a field in double
 * quotes (inner quotes doubled) when it holds a comma, a quote or a line break. Null is an empty field;
 * {@code call_flow} is its JSON text, in quotes.
 */
final class CsvExportWriter implements ExportWriter {

    private final Writer out;
    private final Fields fields = new Fields();

    CsvExportWriter(OutputStream out) {
        this.out = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    }

    /** Writes the header row; called once, before the first record. */
    CsvExportWriter header() throws IOException {
        out.write(String.join(",", CallRecordFields.NAMES));
        out.write("\r\n");
        return this;
    }

    @Override
    public void accept(CallRecord record) throws IOException {
        fields.first = true;
        try {
            CallRecordFields.write(record, fields);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        out.write("\r\n");
    }

    @Override
    public void close() throws IOException {
        out.flush();
    }

    /** The fields of one line. */
    private final class Fields implements CallRecordFields.Writer {

        private boolean first;

        @Override
        public void text(String value) {
            write(value == null ? null : Csv.field(value));
        }

        @Override
        public void id(Long value) {
            write(value == null ? null : value.toString());
        }

        @Override
        public void seconds(Integer value) {
            write(value == null ? null : value.toString());
        }

        @Override
        public void flag(Boolean value) {
            write(value == null ? null : value.toString());
        }

        @Override
        public void time(Instant value) {
            write(value == null ? null : Csv.field(CallRecordFields.wireTime(value)));
        }

        @Override
        public void flow(CallFlow value) {
            write(value == null ? null : Csv.field(value.json()));
        }

        private void write(String field) {
            try {
                if (!first) {
                    out.write(',');
                }
                first = false;
                if (field != null) {
                    out.write(field);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
