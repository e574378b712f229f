package io.callrecords.shared;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV (RFC 4180): fields separated by commas, records by line breaks (LF or CRLF), a field in double quotes
 * may hold commas, line breaks and doubled quotes ({@code ""}). Blank lines are skipped.
 */
public final class CsvReader {

    /** The text is not CSV: a quoted field is never closed. {@code record} counts from 0, the header included. */
    public static final class UnclosedQuote extends RuntimeException {
        public final int record;

        UnclosedQuote(int record) {
            super("a quoted field of record " + record + " is never closed");
            this.record = record;
        }
    }

    private CsvReader() {}

    public static List<List<String>> records(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean atRecordStart = true;
        int i = 0;
        while (i < text.length()) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    field.append(ch);
                }
            } else if (ch == '\r' || ch == '\n') {
                if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                if (!atRecordStart) {
                    record.add(field.toString());
                    records.add(record);
                    record = new ArrayList<>();
                    field.setLength(0);
                    atRecordStart = true;
                }
            } else {
                atRecordStart = false;
                if (ch == '"' && field.isEmpty()) {
                    quoted = true;
                } else if (ch == ',') {
                    record.add(field.toString());
                    field.setLength(0);
                } else {
                    field.append(ch);
                }
            }
            i++;
        }
        if (quoted) {
            throw new UnclosedQuote(records.size());
        }
        if (!atRecordStart) {
            record.add(field.toString());
            records.add(record);
        }
        return records;
    }
}
