package io.callrecords.reports;

/**
 * The facts a call contributes to reports, with the codes of the SQL function {@code report_facts} (migrations V7
 * and V9), which is their one definition. Distributions keep each value as {@code report_quantize} rounds it: exact
 * below 256 seconds, within 0.4 % above.
 */
enum ReportMeasure {
    INBOUND(1),
    OFFERED(2),
    /** Value: first_touch_duration, the seconds to answer. */
    ANSWERED(3),
    MISSED_DENYLIST(4),
    MISSED_OUT_OF_BUSINESS_HOURS(5),
    MISSED_CALLBACK(6),
    MISSED_SHORT_ABANDONED(7),
    MISSED_ABANDONED(8),
    /** Missed calls other than denylisted ones: the calls that could be returned. */
    RETURNABLE(9),
    /** Value: callback_time, the seconds from the end of the missed call to the call that returned it. */
    RETURNED(10),
    /** Total: seconds from connection to end. */
    INBOUND_HANDLED(11),
    OUTBOUND(12),
    /** Total: seconds from bridge to end. */
    OUTBOUND_CONNECTED(13),
    INTERNAL(14),
    /** Total: seconds from connection to end. */
    INTERNAL_CONNECTED(15),
    /** Inbound with missing_call, whatever the reason (an imported record may have none). */
    MISSED(16);

    private static final ReportMeasure[] BY_CODE = new ReportMeasure[17];

    static {
        for (ReportMeasure m : values()) {
            BY_CODE[m.code] = m;
        }
    }

    final int code;

    ReportMeasure(int code) {
        this.code = code;
    }

    static ReportMeasure of(int code) {
        return BY_CODE[code];
    }
}
