package io.callrecords.reports;

/** Examples of the OpenAPI document. */
final class ReportExamples {

    private ReportExamples() {}

    private static final String MEASURES = """
            "inbound": 120, "offered": 110, "answered": 98, "missed": 22, "missed_abandoned": 9,
            "missed_short_abandoned": 4, "missed_callback": 2, "missed_out_of_business_hours": 5, "missed_denylist": 1,
            "answer_rate": 0.8909, "abandon_rate": 0.0818, "asa_mean": 14.2, "asa_median": 11.0, "asa_p90": 31.5,
            "service_level": 0.7, "returned": 15, "callback_rate": 0.7143, "time_to_callback_median": 840.0,
            "time_to_callback_p90": 5400.0, "unreturned": 5, "handle_time": 185.3, "outbound": 64,
            "outbound_connected": 51, "outbound_connect_rate": 0.7969, "outbound_handle_time": 122.0, "internal": 7,
            "internal_handle_time": 45.5""";

    static final String SUMMARY = """
            {"data": {"from": "2026-10-01T00:00+02:00", "to": "2026-10-02T00:00+02:00", "timezone": "Europe/Berlin",
              "sl_seconds": 20, "group_by": "day",
              "total": {""" + MEASURES + """
            },
              "buckets": [{"key": "2026-10-01", "from": "2026-10-01T00:00+02:00", "to": "2026-10-02T00:00+02:00",
                """ + MEASURES + "}]}}";

    static final String SUMMARY_CSV = """
            key,from,to,inbound,offered,answered,missed,...
            total,2026-10-01T00:00+02:00,2026-10-02T00:00+02:00,120,110,98,22,...
            2026-10-01,2026-10-01T00:00+02:00,2026-10-02T00:00+02:00,120,110,98,22,...
            """;

    static final String SUMMARY_INVALID = """
            {"errors": {"timezone": ["'Mars/Olympus' is not an IANA time zone (like Europe/Berlin or America/New_York)"],
              "to": ["must be after from"]}}""";
}
