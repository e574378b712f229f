package io.callrecords.web;

import java.util.Locale;

/** The report's numbers as the dashboard shows them: counts, rates as percentages, durations in seconds or m:ss. */
final class Figures {

    /** What a rate or a duration of nothing shows: "no calls" is not "0 %". */
    static final String NONE = "–";

    private Figures() {}

    static String count(Object value) {
        return value instanceof Number n ? Long.toString(n.longValue()) : NONE;
    }

    /** A fraction (0.9123) as a percentage (91.2 %). */
    static String percent(Object value) {
        return value instanceof Number n ? String.format(Locale.ROOT, "%.1f %%", n.doubleValue() * 100) : NONE;
    }

    /** Seconds: "12.3 s" under a minute, else m:ss or h:mm:ss. */
    static String seconds(Object value) {
        if (!(value instanceof Number n)) {
            return NONE;
        }
        double s = n.doubleValue();
        return s < 60 ? String.format(Locale.ROOT, "%.1f s", s) : Words.seconds(Math.round(s));
    }

    /** A fraction as a percentage number for a chart (one place), null for none. */
    static Double chartPercent(Object value) {
        return value instanceof Number n ? Math.round(n.doubleValue() * 1000) / 10.0 : null;
    }

    static long whole(Object value) {
        return value instanceof Number n ? n.longValue() : 0;
    }
}
