package io.callrecords.calls;

/**
 * The record's codes in the words of the people who read calls (the pages and the spreadsheet export say them alike).
 */
public final class CallWords {

    private CallWords() {}

    /** Inbound, Outbound or Internal; empty for none. */
    public static String direction(String wire) {
        return switch (wire == null ? "" : wire) {
            case "inbound" -> "Inbound";
            case "outbound" -> "Outbound";
            case "internal" -> "Internal";
            default -> "";
        };
    }

    /** Why a call was missed ({@code missing_call_reason}). */
    public static String reason(String wire) {
        return switch (wire == null ? "" : wire) {
            case "abandoned" -> "caller hung up while waiting";
            case "short_abandoned" -> "caller hung up within seconds";
            case "out_of_business_hours" -> "out of business hours";
            case "callback" -> "caller asked for a callback";
            case "denylist" -> "number on the denylist";
            case "" -> "no reason recorded";
            default -> wire.replace('_', ' ');
        };
    }
}
