package io.callrecords.calls;

import io.callrecords.shared.QueryParameters;
import org.springframework.util.MultiValueMap;

/**
 * A request of {@code GET /api/v3/calls/export}: the list's filters and order, no paging, a format and, for CSV, a
 * layout ({@code records}, the record's fields as the API names them, by default; or {@code spreadsheet}).
 */
record CallExportQuery(ExportFormat format, boolean spreadsheet, CallFilter filter, CallSort sort) {

    static CallExportQuery read(MultiValueMap<String, String> parameters) {
        QueryParameters p = new QueryParameters(parameters);
        String value = p.single("format");
        ExportFormat format = value == null ? null : ExportFormat.fromWire(value).orElse(null);
        if (value == null) {
            p.error("format", "is required: csv or ndjson");
        } else if (format == null) {
            p.error("format", "'" + value + "' is not one of csv, ndjson");
        }
        String layout = p.single("layout");
        if (layout != null && !layout.equals("records") && !layout.equals("spreadsheet")) {
            p.error("layout", "'" + layout + "' is not one of records, spreadsheet");
        } else if ("spreadsheet".equals(layout) && format == ExportFormat.NDJSON) {
            p.error("layout", "spreadsheet is a layout of format=csv");
        }
        CallFilter filter = CallFilterParameters.filter(p);
        CallSort sort = CallFilterParameters.sort(p);
        p.finish();
        return new CallExportQuery(format, "spreadsheet".equals(layout), filter, sort);
    }
}
