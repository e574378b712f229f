package io.callrecords.web;

import io.callrecords.shared.Csv;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A page's table as a CSV download (RFC 4180: a header row, CRLF line ends, fields quoted when they must be). */
final class TablesCsv {

    private TablesCsv() {}

    static ResponseEntity<String> of(String filename, List<String> header, List<List<String>> rows) {
        StringBuilder out = new StringBuilder();
        line(out, header);
        rows.forEach(row -> line(out, row));
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"")
                .body(out.toString());
    }

    private static void line(StringBuilder out, List<String> fields) {
        out.append(String.join(",", fields.stream().map(Csv::field).toList())).append("\r\n");
    }
}
