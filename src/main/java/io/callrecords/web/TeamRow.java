package io.callrecords.web;

import io.callrecords.reports.ReportMeasures;
import java.util.List;

/**
 * One team's figures of a period: the team bucket of the summary report ({@code group_by=team}: the calls that
 * touched a team, under the first team they were routed to), as the teams table, the team's page and the CSV show it.
 *
 * @param answeredBar the share of the chart's widest bar its answered calls take, in percent; missedBar likewise
 * <p>Public, as the view models of the pages are, for the templates to read.
 */
public record TeamRow(long id, String name, long inbound, long answered, long missed, String answerRate,
                      Double answerRateValue, String asa, Double asaValue, String handleTime, Double handleTimeValue,
                      String serviceLevel, Double serviceLevelValue, double answeredBar, double missedBar) {

    static final List<String> CSV_HEADER = List.of("team_id", "name", "inbound", "answered", "missed", "answer_rate",
            "asa_seconds", "handle_time_seconds", "service_level");

    static TeamRow of(long id, String name, ReportMeasures m) {
        if (m == null) {
            return new TeamRow(id, name, 0, 0, 0, Figures.NONE, null, Figures.NONE, null, Figures.NONE, null,
                    Figures.NONE, null, 0, 0);
        }
        return new TeamRow(id, name, m.inbound(), m.answered(), m.missed(), Figures.percent(m.answerRate()),
                m.answerRate(), Figures.seconds(m.asaMean()), m.asaMean(), Figures.seconds(m.handleTime()),
                m.handleTime(), Figures.percent(m.serviceLevel()), m.serviceLevel(), 0, 0);
    }

    TeamRow scaled(long widest) {
        double scale = widest == 0 ? 0 : 100.0 / widest;
        return new TeamRow(id, name, inbound, answered, missed, answerRate, answerRateValue, asa, asaValue, handleTime,
                handleTimeValue, serviceLevel, serviceLevelValue, answered * scale, missed * scale);
    }

    long barLength() {
        return answered + missed;
    }

    List<String> csv() {
        return List.of(Long.toString(id), name, Long.toString(inbound), Long.toString(answered), Long.toString(missed),
                text(answerRateValue), text(asaValue), text(handleTimeValue), text(serviceLevelValue));
    }

    public String width(double percent) {
        return String.format(java.util.Locale.ROOT, "%.1f%%", percent);
    }

    private static String text(Double value) {
        return value == null ? "" : value.toString();
    }
}
