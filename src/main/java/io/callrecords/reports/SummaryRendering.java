package io.callrecords.reports;

import io.callrecords.shared.Csv;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The summary as the JSON body of the API and as CSV (one row for the period, then one per bucket). */
final class SummaryRendering {

    private SummaryRendering() {}

    static Map<String, Object> json(ReportSummary.Summary summary) {
        ReportRequest request = summary.request();
        boolean perUser = request.grouping() == ReportGrouping.USER;
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("from", local(request, request.period().from()));
        data.put("to", local(request, request.period().to()));
        data.put("timezone", request.zone().getId());
        data.put("sl_seconds", request.slSeconds());
        data.put("group_by", request.grouping() == null ? null : request.grouping().wire);
        data.put("total", MeasureValues.of(summary.total(), request.slSeconds(), perUser));
        List<Map<String, Object>> buckets = new ArrayList<>();
        for (ReportSummary.Bucket bucket : summary.buckets()) {
            Map<String, Object> row = new LinkedHashMap<>(bucket.key());
            row.putAll(bucketValues(request, bucket.facts()));
            buckets.add(row);
        }
        data.put("buckets", buckets);
        return Map.of("data", data);
    }

    /** RFC 4180: a header row, CRLF line ends, fields quoted when they hold a comma, a quote or a line break. */
    static String csv(ReportSummary.Summary summary) {
        ReportRequest request = summary.request();
        boolean perUser = request.grouping() == ReportGrouping.USER;
        List<Map<String, Object>> rows = new ArrayList<>();
        Map<String, Object> total = new LinkedHashMap<>();
        total.put("key", "total");
        total.put("from", local(request, request.period().from()));
        total.put("to", local(request, request.period().to()));
        total.putAll(MeasureValues.of(summary.total(), request.slSeconds(), perUser));
        rows.add(total);
        for (ReportSummary.Bucket bucket : summary.buckets()) {
            Map<String, Object> row = new LinkedHashMap<>(bucket.key());
            row.putAll(bucketValues(request, bucket.facts()));
            rows.add(row);
        }
        Set<String> columns = new LinkedHashSet<>(List.of("key", "from", "to"));
        rows.forEach(row -> columns.addAll(row.keySet()));
        StringBuilder out = new StringBuilder(String.join(",", columns)).append("\r\n");
        for (Map<String, Object> row : rows) {
            List<String> fields = new ArrayList<>();
            for (String column : columns) {
                fields.add(field(row.get(column)));
            }
            out.append(String.join(",", fields)).append("\r\n");
        }
        return out.toString();
    }

    /** A bucket's numbers: the heat map's cells carry its counts, every other bucket all of them. */
    private static Map<String, Object> bucketValues(ReportRequest request, Facts facts) {
        return request.grouping() == ReportGrouping.WEEKDAY_HOUR ? MeasureValues.heatMap(facts)
                : MeasureValues.of(facts, request.slSeconds(), request.grouping() == ReportGrouping.USER);
    }

    private static String field(Object value) {
        return Csv.field(value == null ? "" : value.toString());
    }

    private static String local(ReportRequest request, java.time.Instant instant) {
        return ZonedDateTime.ofInstant(instant, request.zone()).toOffsetDateTime().toString();
    }
}
