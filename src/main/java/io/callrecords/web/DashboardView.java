package io.callrecords.web;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the dashboard shows, from the summary report's JSON (the API's body): the period's tiles, the numbers per
 * bucket of time (behind the charts and in the tables that say them in words), the missed calls by reason and the
 * weekday × hour heat map. Nothing is computed here but formatting: every number is the report's.
 *
 * @param byTime  the report grouped by hour or by day: total and buckets
 * @param heatMap the report grouped by weekday_hour
 * <p>Public, as the view models of the pages are, for the templates to read.
 */
public record DashboardView(String bucketName, int slSeconds, List<Tile> tiles, List<BucketRow> buckets,
                            List<ReasonRow> reasons, List<HeatMapRow> heatMap, Map<String, Object> chart) {

    /** The reasons of a missed call, as the report names their counts. */
    static final List<String> REASONS = List.of("abandoned", "short_abandoned", "callback", "out_of_business_hours", "denylist");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    private static final List<String> WEEKDAYS = List.of("Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
            "Saturday", "Sunday");

    /** One number of the period. */
    public record Tile(String measure, String name, String value, String detail) {}

    /** One bucket of time, in words. */
    public record BucketRow(String label, String inbound, String answered, String missed, String outbound,
                            String internal, String answerRate, String serviceLevel, String asaMean, String asaMedian,
                            String asaP90) {}

    public record ReasonRow(String reason, String words, long count) {}

    /** A weekday of the heat map: 24 hours. */
    public record HeatMapRow(String weekday, List<HeatCell> cells) {}

    /** Offered calls of a weekday's hour and the share of them missed; {@code level} is the CSS class of that share. */
    public record HeatCell(int hour, long offered, String missedShare, String level) {}

    @SuppressWarnings("unchecked")
    static DashboardView of(Map<String, Object> byTime, Map<String, Object> heatMap, boolean byHour) {
        Map<String, Object> data = (Map<String, Object>) byTime.get("data");
        Map<String, Object> total = (Map<String, Object>) data.get("total");
        List<Map<String, Object>> buckets = (List<Map<String, Object>>) data.get("buckets");
        int sl = ((Number) data.get("sl_seconds")).intValue();
        List<BucketRow> rows = new ArrayList<>();
        for (Map<String, Object> b : buckets) {
            rows.add(new BucketRow(label(b, byHour), Figures.count(b.get("inbound")), Figures.count(b.get("answered")),
                    Figures.count(b.get("missed")), Figures.count(b.get("outbound")), Figures.count(b.get("internal")),
                    Figures.percent(b.get("answer_rate")), Figures.percent(b.get("service_level")),
                    Figures.seconds(b.get("asa_mean")), Figures.seconds(b.get("asa_median")),
                    Figures.seconds(b.get("asa_p90"))));
        }
        List<ReasonRow> reasons = REASONS.stream()
                .map(r -> new ReasonRow(r, Words.reason(r), Figures.whole(total.get("missed_" + r)))).toList();
        List<Map<String, Object>> cells = (List<Map<String, Object>>) ((Map<String, Object>) heatMap.get("data")).get("buckets");
        return new DashboardView(byHour ? "hour" : "day", sl, DashboardTiles.of(total, sl), rows, reasons,
                heatMap(cells), chart(buckets, rows, reasons));
    }

    /** The series of the charts, by bucket: counts, rates in percent and seconds as the report gives them. */
    private static Map<String, Object> chart(List<Map<String, Object>> buckets, List<BucketRow> rows, List<ReasonRow> reasons) {
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("labels", rows.stream().map(BucketRow::label).toList());
        for (String count : List.of("answered", "missed", "outbound", "internal")) {
            chart.put(count, buckets.stream().map(b -> Figures.whole(b.get(count))).toList());
        }
        for (String rate : List.of("answer_rate", "service_level")) {
            chart.put(rate, buckets.stream().map(b -> Figures.chartPercent(b.get(rate))).toList());
        }
        for (String seconds : List.of("asa_mean", "asa_median", "asa_p90")) {
            chart.put(seconds, buckets.stream().map(b -> b.get(seconds)).toList());
        }
        chart.put("reason_labels", reasons.stream().map(ReasonRow::words).toList());
        chart.put("reasons", reasons.stream().map(ReasonRow::count).toList());
        return chart;
    }

    /** The report's 168 cells, Monday 00:00 first, as 7 rows of 24. */
    private static List<HeatMapRow> heatMap(List<Map<String, Object>> cells) {
        List<HeatMapRow> rows = new ArrayList<>();
        for (int day = 0; day < 7; day++) {
            List<HeatCell> hours = new ArrayList<>();
            for (int hour = 0; hour < 24; hour++) {
                Map<String, Object> cell = cells.get(day * 24 + hour);
                Object share = cell.get("missed_share");
                hours.add(new HeatCell(hour, Figures.whole(cell.get("offered")), Figures.percent(share), level(share)));
            }
            rows.add(new HeatMapRow(WEEKDAYS.get(day), hours));
        }
        return rows;
    }

    /** The colour of a missed share: none offered, then up to 5 %, 15 %, 30 % and more. */
    private static String level(Object share) {
        if (!(share instanceof Number n)) {
            return "heat-none";
        }
        double s = n.doubleValue();
        return s <= 0.05 ? "heat-0" : s <= 0.15 ? "heat-1" : s <= 0.30 ? "heat-2" : "heat-3";
    }

    private static String label(Map<String, Object> bucket, boolean byHour) {
        String key = (String) bucket.get("key");
        return byHour ? OffsetDateTime.parse(key).format(HOUR) : LocalDate.parse(key).format(DAY);
    }
}
