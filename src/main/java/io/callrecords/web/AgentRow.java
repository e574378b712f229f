package io.callrecords.web;

import io.callrecords.reports.ReportMeasures;
import java.util.List;

/**
 * One agent's figures of a period, as the agents table, the agent's page, a team's members and the CSV show them: the
 * user bucket of the summary report ({@code group_by=user}), so the page and the API never differ.
 *
 * @param answerRate  of their rings, as a percentage ("–" with no ring)
 * @param answeredBar the share of the chart's widest bar their answered calls take, in percent; missedBar likewise
 * <p>Public, as the view models of the pages are, for the templates to read.
 */
public record AgentRow(long id, String name, long answered, long rings, long missedRings, String answerRate,
                       Double answerRateValue, String asa, Double asaValue, String handleTime, Double handleTimeValue,
                       long callbacksMade, long outbound, double answeredBar, double missedBar) {

    static final List<String> CSV_HEADER = List.of("user_id", "name", "answered", "rings", "missed_rings",
            "answer_rate", "asa_seconds", "handle_time_seconds", "callbacks_made", "outbound");

    /** The row of a user with these measures; null measures (no call in the period) show as zeros and dashes. */
    static AgentRow of(long id, String name, ReportMeasures m) {
        if (m == null) {
            return new AgentRow(id, name, 0, 0, 0, Figures.NONE, null, Figures.NONE, null, Figures.NONE, null, 0, 0, 0, 0);
        }
        return new AgentRow(id, name, m.answered(), whole(m.rings()), whole(m.missedRings()),
                Figures.percent(m.answerRate()), m.answerRate(), Figures.seconds(m.asaMean()), m.asaMean(),
                Figures.seconds(m.handleTime()), m.handleTime(), whole(m.callbacksMade()), m.outbound(), 0, 0);
    }

    /** The same row with its bars scaled to the widest of the chart ({@code widest} calls). */
    AgentRow scaled(long widest) {
        double scale = widest == 0 ? 0 : 100.0 / widest;
        return new AgentRow(id, name, answered, rings, missedRings, answerRate, answerRateValue, asa, asaValue,
                handleTime, handleTimeValue, callbacksMade, outbound, answered * scale, missedRings * scale);
    }

    /** What the chart's bar stands for: the calls they took and the rings they let pass. */
    long barLength() {
        return answered + missedRings;
    }

    /** The CSV fields: numbers as numbers (rates as fractions, seconds with one place), empty for none. */
    List<String> csv() {
        return List.of(Long.toString(id), name, Long.toString(answered), Long.toString(rings),
                Long.toString(missedRings), text(answerRateValue), text(asaValue), text(handleTimeValue),
                Long.toString(callbacksMade), Long.toString(outbound));
    }

    /** A bar's width for a style attribute: a plain number with a dot, whatever the server's locale. */
    public String width(double percent) {
        return String.format(java.util.Locale.ROOT, "%.1f%%", percent);
    }

    private static String text(Double value) {
        return value == null ? "" : value.toString();
    }

    private static long whole(Long value) {
        return value == null ? 0 : value;
    }
}
