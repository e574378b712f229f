package io.callrecords.shared;

/** RFC 4180 fields: quoted when they hold a comma, a quote or a line break, quotes doubled inside. */
public final class Csv {

    private Csv() {}

    private static boolean needsQuotes(String text) {
        return text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0;
    }

    public static String field(String text) {
        return needsQuotes(text) ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }
}
