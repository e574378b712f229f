package io.callrecords.shared;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * The rows of a bulk import, from a JSON array of objects or from CSV with a header row. CSV cells become the JSON
 * values the documents read, as each import's {@link Cells} says (a list split at {@code ;}, a number), empty cells
 * absent except in the first (required) column. Rows are numbered from 0, the header and blank lines not counted, and problems are reported as
 * {@code rows[3].phone_numbers}.
 */
public final class ImportRows {

    public static final int MAX_ROWS = 10_000;

    private static final Pattern ID = Pattern.compile("\\d{1,18}");

    /** The JSON value of a CSV cell of a column (the cell is stripped and not empty). */
    @FunctionalInterface
    public interface Cells {
        Object value(String column, String cell);
    }

    /** A row that is not an object with fields (a JSON scalar, a CSV record of the wrong width). */
    private record Unreadable(String reason) {}

    private ImportRows() {}

    public static List<Object> fromJson(Object body) {
        if (!(body instanceof List<?> rows)) {
            throw ValidationException.of("rows", "must be a JSON array of objects");
        }
        checkCount(rows.size());
        return new ArrayList<>(rows);
    }

    /**
     * @param contentType the request's, whose {@code charset} (UTF-8 if none) decodes the body
     * @param columns the columns a header may name; the first is required
     * @param cells   the JSON value of each cell
     */
    public static List<Object> fromCsv(byte[] body, String contentType, List<String> columns, Cells cells) {
        String text = decode(body == null ? new byte[0] : body, charset(contentType));
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<List<String>> records;
        try {
            records = CsvReader.records(text);
        } catch (CsvReader.UnclosedQuote e) {
            throw ValidationException.of(e.record == 0 ? "header" : "rows[" + (e.record - 1) + "]",
                    "has a quoted field that is never closed");
        }
        if (records.isEmpty()) {
            throw ValidationException.of("header", "is missing: the first line names the columns, "
                    + String.join(",", columns));
        }
        List<String> header = header(records.getFirst(), columns);
        checkCount(records.size() - 1);
        List<Object> rows = new ArrayList<>();
        for (List<String> record : records.subList(1, records.size())) {
            String problem = textProblem(header, record);
            rows.add(record.size() != header.size()
                    ? new Unreadable("has " + record.size() + " fields; the header has " + header.size())
                    : problem != null ? new Unreadable(problem) : row(header, record, columns.getFirst(), cells));
        }
        return rows;
    }

    /**
     * Reads every row with {@code reader} ({@code (object, "rows[3].") -> fields}), collecting the problems of all
     * rows; the answer has one entry per row, null where a row was unreadable.
     */
    public static <T> List<T> read(List<Object> rows, BiFunction<Map<?, ?>, String, T> reader, FieldErrors errors) {
        List<T> read = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            Object row = rows.get(i);
            String prefix = "rows[" + i + "]";
            switch (row) {
                case Map<?, ?> fields -> read.add(reader.apply(fields, prefix + "."));
                case Unreadable unreadable -> {
                    errors.add(prefix, unreadable.reason());
                    read.add(null);
                }
                case null, default -> {
                    errors.add(prefix, "must be an object");
                    read.add(null);
                }
            }
        }
        return read;
    }

    /** The charset the content type names, UTF-8 when it names none. */
    private static Charset charset(String contentType) {
        try {
            Charset charset = MediaType.parseMediaType(contentType).getCharset();
            return charset == null ? StandardCharsets.UTF_8 : charset;
        } catch (IllegalArgumentException e) {
            throw new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "The charset of " + contentType + " is not supported.");
        }
    }

    /** Strictly: bytes that are not text of the charset are refused, never read as replacement characters. */
    private static String decode(byte[] body, Charset charset) {
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw ValidationException.of("body", "is not valid " + charset.name() + " text");
        }
    }

    /** The first cell of a record that breaks {@link Text}'s rule, as "{@code name contains a NUL ...}". */
    private static String textProblem(List<String> header, List<String> record) {
        for (int i = 0; i < record.size(); i++) {
            String problem = Text.problem(record.get(i));
            if (problem != null) {
                return (i < header.size() ? header.get(i) : "field " + (i + 1)) + " " + problem;
            }
        }
        return null;
    }

    private static void checkCount(int rows) {
        if (rows > MAX_ROWS) {
            throw ValidationException.of("rows", "has " + rows + " rows; an import takes at most " + MAX_ROWS);
        }
    }

    private static List<String> header(List<String> cells, List<String> columns) {
        FieldErrors errors = new FieldErrors();
        List<String> header = cells.stream().map(c -> c.strip().toLowerCase(Locale.ROOT)).toList();
        Set<String> seen = new HashSet<>();
        for (String column : header) {
            if (!columns.contains(column)) {
                errors.add("header", "'" + column + "' is not a column; the columns are " + String.join(",", columns));
            } else if (!seen.add(column)) {
                errors.add("header", "'" + column + "' is named twice");
            }
        }
        if (!header.contains(columns.getFirst())) {
            errors.add("header", "has no '" + columns.getFirst() + "' column");
        }
        errors.throwIfAny();
        return header;
    }

    private static Map<String, Object> row(List<String> header, List<String> record, String required, Cells cells) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String column = header.get(i);
            String cell = record.get(i).strip();
            if (cell.isEmpty() && !column.equals(required)) {
                continue;
            }
            row.put(column, cell.isEmpty() ? cell : cells.value(column, cell));
        }
        return row;
    }

    /** Cells split at {@code ;} into a list of the non-empty parts. */
    public static List<String> list(String cell) {
        return Arrays.stream(cell.split(";")).map(String::strip).filter(n -> !n.isEmpty()).toList();
    }

    /** A cell that is an id as a number; anything else stays text, for the reader to name as wrong. */
    public static Object id(String cell) {
        return ID.matcher(cell).matches() ? Long.valueOf(cell) : cell;
    }
}
