package io.callrecords.web;

import io.callrecords.reports.ReportMeasures;
import java.util.List;

/**
 * The dashboard's tiles: the period's measures of reports.md, each named as a call-center lead says it. The rates are
 * of the offered calls, which leave out the calls missed for short_abandoned, out_of_business_hours or denylist; so
 * the tiles of the missed calls and of the answer rate say how many of the missed were offered, and of what the rate
 * is, or "Missed 7" would sit unexplained beside "Answer rate 100 %" (all 7 out of hours).
 */
final class DashboardTiles {

    private DashboardTiles() {}

    static List<DashboardView.Tile> of(ReportMeasures t, int sl) {
        return List.of(
                tile("inbound", "Inbound calls", Figures.count(t.inbound()), "all calls in"),
                tile("offered", "Offered", Figures.count(t.offered()), "calls the team could take"),
                tile("answered", "Answered", Figures.count(t.answered()), "connected to someone"),
                tile("missed", "Missed", Figures.count(t.missed()), missedDetail(t)),
                tile("answer_rate", "Answer rate", Figures.percent(t.answerRate()),
                        Figures.count(t.answered()) + " answered of " + Figures.count(t.offered()) + " offered"),
                tile("abandon_rate", "Abandon rate", Figures.percent(t.abandonRate()), "hung up waiting, of offered"),
                tile("service_level", "Service level", Figures.percent(t.serviceLevel()),
                        "answered within " + sl + " s, of offered"),
                tile("asa_mean", "Speed of answer", Figures.seconds(t.asaMean()), "mean (ASA)"),
                tile("asa_median", "Speed of answer", Figures.seconds(t.asaMedian()), "median"),
                tile("asa_p90", "Speed of answer", Figures.seconds(t.asaP90()), "9 in 10 answered within"),
                tile("callback_rate", "Callback rate", Figures.percent(t.callbackRate()),
                        Figures.count(t.returned()) + " missed calls returned"),
                tile("time_to_callback_median", "Time to callback", Figures.seconds(t.timeToCallbackMedian()),
                        t.timeToCallbackP90() == null ? "no missed call returned"
                                : "median; 9 in 10 within " + Figures.seconds(t.timeToCallbackP90())),
                tile("unreturned", "Unreturned", Figures.count(t.unreturned()), "missed, not called back"),
                tile("handle_time", "Handle time", Figures.seconds(t.handleTime()), "mean of answered calls"),
                tile("outbound", "Outbound calls", Figures.count(t.outbound()),
                        Figures.count(t.outboundConnected()) + " connected"),
                tile("internal", "Internal calls", Figures.count(t.internal()), "between users"));
    }

    /** The missed calls that count against the rates (of the offered ones), and the rest. */
    static String missedDetail(ReportMeasures t) {
        long notOffered = t.missedShortAbandoned() + t.missedOutOfBusinessHours() + t.missedDenylist();
        long offered = t.missed() - notOffered;
        return Figures.count(offered) + " of offered; " + Figures.count(notOffered) + " short, out of hours or"
                + " denylisted";
    }

    private static DashboardView.Tile tile(String measure, String name, String value, String detail) {
        return new DashboardView.Tile(measure, name, value, detail);
    }
}
