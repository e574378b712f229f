package io.callrecords.web;

import io.callrecords.calls.CallWords;
import io.callrecords.calls.WireName;

/** The record's codes in plain words. */
final class Words {

    private Words() {}

    /** The wire name of a code of the record; null for none. */
    static String wire(WireName code) {
        return code == null ? null : code.wire();
    }

    static String direction(String wire) {
        return CallWords.direction(wire);
    }

    static String reason(String wire) {
        return CallWords.reason(wire);
    }

    /** Seconds as m:ss (h:mm:ss from an hour on); empty for none. */
    static String seconds(Object value) {
        if (!(value instanceof Number n)) {
            return "";
        }
        long s = n.longValue();
        return s >= 3600 ? "%d:%02d:%02d".formatted(s / 3600, s / 60 % 60, s % 60) : "%d:%02d".formatted(s / 60, s % 60);
    }
}
