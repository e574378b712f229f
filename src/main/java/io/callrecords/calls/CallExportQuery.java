package io.callrecords.calls;

import io.callrecords.shared.QueryParameters;
import org.springframework.util.MultiValueMap;

/** A request of {@code GET /api/v3/calls/export}: the list's filters and order, no paging, and a format. */
record CallExportQuery(ExportFormat format, CallFilter filter, CallSort sort) {

    static CallExportQuery read(MultiValueMap<String, String> parameters) {
        QueryParameters p = new QueryParameters(parameters);
        String value = p.single("format");
        ExportFormat format = value == null ? null : ExportFormat.fromWire(value).orElse(null);
        if (value == null) {
            p.error("format", "is required: csv or ndjson");
        } else if (format == null) {
            p.error("format", "'" + value + "' is not one of csv, ndjson");
        }
        CallFilter filter = CallFilterParameters.filter(p);
        CallSort sort = CallFilterParameters.sort(p);
        p.finish();
        return new CallExportQuery(format, filter, sort);
    }
}
