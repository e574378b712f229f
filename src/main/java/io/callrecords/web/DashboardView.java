package io.callrecords.web;

import io.callrecords.reports.ReportMeasures;
import io.callrecords.reports.SummaryView;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * What the dashboard shows, from the summary report (what the API answers): the period's tiles, the numbers per
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

    static DashboardView of(SummaryView byTime, SummaryView heatMap, boolean byHour) {
        ReportMeasures total = byTime.total();
        List<ReportMeasures> buckets = new ArrayList<>();
        List<BucketRow> rows = new ArrayList<>();
        for (SummaryView.Bucket bucket : byTime.buckets()) {
            SummaryView.TimeBucket b = (SummaryView.TimeBucket) bucket; // the summary is by hour or by day
            ReportMeasures m = b.measures();
            buckets.add(m);
            rows.add(new BucketRow(label(b.key(), byHour), Figures.count(m.inbound()), Figures.count(m.answered()),
                    Figures.count(m.missed()), Figures.count(m.outbound()), Figures.count(m.internal()),
                    Figures.percent(m.answerRate()), Figures.percent(m.serviceLevel()), Figures.seconds(m.asaMean()),
                    Figures.seconds(m.asaMedian()), Figures.seconds(m.asaP90())));
        }
        List<ReasonRow> reasons = REASONS.stream()
                .map(r -> new ReasonRow(r, Words.reason(r), total.missedFor(r))).toList();
        int sl = byTime.slSeconds();
        return new DashboardView(byHour ? "hour" : "day", sl, DashboardTiles.of(total, sl), rows, reasons,
                heatMap(heatMap.buckets()), chart(buckets, rows, reasons));
    }

    /** The series of the charts, by bucket: counts, rates in percent and seconds as the report gives them. */
    private static Map<String, Object> chart(List<ReportMeasures> buckets, List<BucketRow> rows,
                                             List<ReasonRow> reasons) {
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("labels", rows.stream().map(BucketRow::label).toList());
        chart.put("answered", series(buckets, ReportMeasures::answered));
        chart.put("missed", series(buckets, m -> m.missed()));
        chart.put("outbound", series(buckets, ReportMeasures::outbound));
        chart.put("internal", series(buckets, ReportMeasures::internal));
        chart.put("answer_rate", buckets.stream().map(m -> Figures.chartPercent(m.answerRate())).toList());
        chart.put("service_level", buckets.stream().map(m -> Figures.chartPercent(m.serviceLevel())).toList());
        chart.put("asa_mean", buckets.stream().map(ReportMeasures::asaMean).toList());
        chart.put("asa_median", buckets.stream().map(ReportMeasures::asaMedian).toList());
        chart.put("asa_p90", buckets.stream().map(ReportMeasures::asaP90).toList());
        chart.put("reason_labels", reasons.stream().map(ReasonRow::words).toList());
        chart.put("reasons", reasons.stream().map(ReasonRow::count).toList());
        return chart;
    }

    private static List<Long> series(List<ReportMeasures> buckets, ToLongFunction<ReportMeasures> count) {
        return buckets.stream().map(m -> count.applyAsLong(m)).toList();
    }

    /** The report's 168 cells, Monday 00:00 first, as 7 rows of 24. */
    private static List<HeatMapRow> heatMap(List<SummaryView.Bucket> cells) {
        List<HeatMapRow> rows = new ArrayList<>();
        for (int day = 0; day < 7; day++) {
            List<HeatCell> hours = new ArrayList<>();
            for (int hour = 0; hour < 24; hour++) {
                SummaryView.HeatMapCell cell = (SummaryView.HeatMapCell) cells.get(day * 24 + hour);
                Double share = cell.missedShare();
                hours.add(new HeatCell(hour, cell.offered(), Figures.percent(share), level(share)));
            }
            rows.add(new HeatMapRow(WEEKDAYS.get(day), hours));
        }
        return rows;
    }

    /** The colour of a missed share: none offered, then up to 5 %, 15 %, 30 % and more. */
    private static String level(Double share) {
        if (share == null) {
            return "heat-none";
        }
        double s = share;
        return s <= 0.05 ? "heat-0" : s <= 0.15 ? "heat-1" : s <= 0.30 ? "heat-2" : "heat-3";
    }

    private static String label(String key, boolean byHour) {
        return byHour ? OffsetDateTime.parse(key).format(HOUR) : LocalDate.parse(key).format(DAY);
    }
}
