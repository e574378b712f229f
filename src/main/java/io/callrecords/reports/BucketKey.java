package io.callrecords.reports;

/** What names a bucket of the summary: a span of time, a cell of the weekday × hour map, or the id it groups by. */
sealed interface BucketKey {

    String key();

    /** A local day or hour: its key and its span, which a DST change makes 23 or 25 hours, or a part of an hour. */
    record Span(String key, String from, String to) implements BucketKey {}

    /** A weekday's hour ({@code "sat 12:00"}; weekday 1 is Monday). */
    record Cell(String key, int weekday, int hour) implements BucketKey {}

    /**
     * A user, number or team; {@code id} null (key {@code none}) for the calls with none. {@code name} is the
     * directory's name of it ("Ayşe Yılmaz", "Ayşe Yılmaz (deleted)"), null when the directory does not know the id.
     */
    record Id(String key, Long id, String name) implements BucketKey {}
}
