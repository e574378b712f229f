package io.callrecords.reports;

import io.callrecords.shared.Csv;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The summary as the JSON body of the API and as CSV (one row for the period, then one per bucket). */
final class SummaryRendering {

    /** {@code {"data": SUMMARY}}. */
    record SummaryBody(SummaryView data) {}

    private static final TypeReference<LinkedHashMap<String, Object>> ROW = new TypeReference<>() {};

    private SummaryRendering() {}

    static SummaryBody json(ReportSummary.Summary summary) {
        return new SummaryBody(view(summary));
    }

    static SummaryView view(ReportSummary.Summary summary) {
        ReportRequest request = summary.request();
        List<SummaryView.Bucket> buckets = new ArrayList<>(summary.buckets().size());
        for (ReportSummary.Bucket bucket : summary.buckets()) {
            buckets.add(bucket(request, bucket));
        }
        String groupBy = request.grouping() == null ? null : request.grouping().wire;
        return new SummaryView(local(request, request.period().from()), local(request, request.period().to()),
                request.zone().getId(), request.slSeconds(), groupBy,
                MeasureValues.of(summary.total(), request.slSeconds(), request.grouping() == ReportGrouping.USER, false),
                buckets);
    }

    /**
     * RFC 4180: a header row, CRLF line ends, fields quoted when they hold a comma, a quote or a line break. The
     * columns are the JSON's field names (the JSON mapper names them), over every row: a column a row lacks is empty.
     */
    static String csv(ReportSummary.Summary summary, JsonMapper json) {
        SummaryView view = view(summary);
        List<Map<String, Object>> rows = new ArrayList<>();
        Map<String, Object> total = new LinkedHashMap<>();
        total.put("key", "total");
        total.put("from", view.from());
        total.put("to", view.to());
        total.putAll(json.convertValue(view.total(), ROW));
        rows.add(total);
        for (SummaryView.Bucket bucket : view.buckets()) {
            rows.add(json.convertValue(bucket, ROW));
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

    /** A bucket with the fields of its grouping: the heat map's cells carry its counts, every other bucket all. */
    private static SummaryView.Bucket bucket(ReportRequest request, ReportSummary.Bucket bucket) {
        Facts facts = bucket.facts();
        return switch (bucket.key()) {
            case BucketKey.Cell cell -> MeasureValues.heatMapCell(cell, facts);
            case BucketKey.Span span -> new SummaryView.TimeBucket(span.key(), span.from(), span.to(),
                    MeasureValues.of(facts, request.slSeconds(), false, false));
            case BucketKey.Id id -> switch (request.grouping()) {
                case USER -> new SummaryView.UserBucket(id.key(), id.id(), id.id(), id.name(),
                        MeasureValues.of(facts, request.slSeconds(), true, id.id() != null));
                case NUMBER -> new SummaryView.NumberBucket(id.key(), id.id(), id.id(), id.name(),
                        MeasureValues.of(facts, request.slSeconds(), false, false));
                case TEAM -> new SummaryView.TeamBucket(id.key(), id.id(), id.id(), id.name(),
                        MeasureValues.of(facts, request.slSeconds(), false, false));
                default -> throw new IllegalStateException("a bucket of an id in a summary by " + request.grouping());
            };
        };
    }

    private static String field(Object value) {
        return Csv.field(value == null ? "" : value.toString());
    }

    private static String local(ReportRequest request, java.time.Instant instant) {
        return ZonedDateTime.ofInstant(instant, request.zone()).toOffsetDateTime().toString();
    }
}
