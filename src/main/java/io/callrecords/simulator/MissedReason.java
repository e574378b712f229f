package io.callrecords.simulator;

import java.util.Locale;

/** Why a simulated inbound call was missed, by the rules of call-records.md §3.7 in their order. */
public enum MissedReason {
    DENYLIST, OUT_OF_BUSINESS_HOURS, CALLBACK, SHORT_ABANDONED, ABANDONED;

    /** The {@code missing_call_reason} the service should derive. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** "out of business hours". */
    public String words() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
