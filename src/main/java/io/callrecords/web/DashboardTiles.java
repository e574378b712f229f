package io.callrecords.web;

import java.util.List;
import java.util.Map;

/** The dashboard's tiles: the period's measures of reports.md, each named as a call-center lead says it. */
final class DashboardTiles {

    private DashboardTiles() {}

    static List<DashboardView.Tile> of(Map<String, Object> t, int sl) {
        return List.of(
                tile("inbound", "Inbound calls", Figures.count(t.get("inbound")), "all calls in"),
                tile("offered", "Offered", Figures.count(t.get("offered")), "calls the team could take"),
                tile("answered", "Answered", Figures.count(t.get("answered")), "connected to someone"),
                tile("missed", "Missed", Figures.count(t.get("missed")), "for any reason"),
                tile("answer_rate", "Answer rate", Figures.percent(t.get("answer_rate")), "answered of offered"),
                tile("abandon_rate", "Abandon rate", Figures.percent(t.get("abandon_rate")), "hung up waiting, of offered"),
                tile("service_level", "Service level", Figures.percent(t.get("service_level")),
                        "answered within " + sl + " s, of offered"),
                tile("asa_mean", "Speed of answer", Figures.seconds(t.get("asa_mean")), "mean (ASA)"),
                tile("asa_median", "Speed of answer", Figures.seconds(t.get("asa_median")), "median"),
                tile("asa_p90", "Speed of answer", Figures.seconds(t.get("asa_p90")), "9 in 10 answered within"),
                tile("callback_rate", "Callback rate", Figures.percent(t.get("callback_rate")),
                        Figures.count(t.get("returned")) + " missed calls returned"),
                tile("time_to_callback_median", "Time to callback", Figures.seconds(t.get("time_to_callback_median")),
                        t.get("time_to_callback_p90") == null ? "no missed call returned"
                                : "median; 9 in 10 within " + Figures.seconds(t.get("time_to_callback_p90"))),
                tile("unreturned", "Unreturned", Figures.count(t.get("unreturned")), "missed, not called back"),
                tile("handle_time", "Handle time", Figures.seconds(t.get("handle_time")), "mean of answered calls"),
                tile("outbound", "Outbound calls", Figures.count(t.get("outbound")),
                        Figures.count(t.get("outbound_connected")) + " connected"),
                tile("internal", "Internal calls", Figures.count(t.get("internal")), "between users"));
    }

    private static DashboardView.Tile tile(String measure, String name, String value, String detail) {
        return new DashboardView.Tile(measure, name, value, detail);
    }
}
