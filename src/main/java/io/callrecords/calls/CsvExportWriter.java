package io.callrecords.calls;

import io.callrecords.people.EntryKind;
import io.callrecords.people.EntryNames;
import io.callrecords.shared.Csv;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/**
 * CSV as RFC 4180 has it: a header row of the record's field names, lines ending in CRLF, a field in double
 * quotes (inner quotes doubled) when it holds a comma, a quote or a line break. Null is an empty field;
 * {@code call_flow} is its JSON text, in quotes. After Hipcall's fields, the names of the account's directory entries
 * that the record's ids name ({@link #NAME_COLUMNS}): empty for no id, or an id the directory does not know; a deleted
 * entry's name is marked "(deleted)".
 */
final class CsvExportWriter implements ExportWriter {

    /** The name columns, in the order of their ids among the record's fields. */
    static final List<String> NAME_COLUMNS = List.of("number_name", "channel_name", "caller_name", "callee_name",
            "user_name", "voicemail_name", "callback_user_name");
    /** The header row: the record's fields, then the names. */
    static final List<String> HEADER = Stream.concat(CallRecordFields.NAMES.stream(), NAME_COLUMNS.stream()).toList();

    private final Writer out;
    private final Fields fields = new Fields();

    CsvExportWriter(OutputStream out) {
        this.out = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    }

    /** Writes the header row; called once, before the first record. */
    CsvExportWriter header() throws IOException {
        out.write(String.join(",", HEADER));
        out.write("\r\n");
        return this;
    }

    @Override
    public boolean named() {
        return true;
    }

    @Override
    public void accept(CallRecord record, EntryNames names) throws IOException {
        fields.first = true;
        try {
            CallRecordFields.write(record, fields);
            fields.text(names.label(EntryKind.NUMBER, record.numberId()));
            fields.text(RecordEntries.channelName(record, names));
            fields.text(RecordEntries.callerName(record, names));
            fields.text(RecordEntries.calleeName(record, names));
            fields.text(names.label(EntryKind.USER, record.userId()));
            fields.text(names.label(EntryKind.VOICEMAIL_BOX, record.voicemailId()));
            fields.text(names.label(EntryKind.USER, record.callbackUserId()));
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
