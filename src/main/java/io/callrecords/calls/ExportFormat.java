package io.callrecords.calls;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import tools.jackson.databind.json.JsonMapper;

/** The formats of {@code GET /api/v3/calls/export}. */
enum ExportFormat {
    CSV("text/csv; charset=utf-8"),
    NDJSON("application/x-ndjson");

    private final String contentType;

    ExportFormat(String contentType) {
        this.contentType = contentType;
    }

    String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    String contentType() {
        return contentType;
    }

    /** A writer of this format on {@code out}; the CSV header row is written at once. */
    ExportWriter writer(OutputStream out, JsonMapper json) throws IOException {
        return switch (this) {
            case CSV -> new CsvExportWriter(out).header();
            case NDJSON -> new NdjsonExportWriter(out, json);
        };
    }

    static Optional<ExportFormat> fromWire(String wire) {
        return Arrays.stream(values()).filter(f -> f.wire().equals(wire)).findFirst();
    }
}
