package io.callrecords.calls;

/** One side of a range filter, {@code started_at[gte]=...}: an operator and its value. */
record Bound<T>(Operator operator, T value) {

    /** The operators of range filters, by their name in the query ({@code gt}, {@code gte} ...). */
    enum Operator {
        GT(">"), GTE(">="), LT("<"), LTE("<=");

        private final String sql;
        private final String wire;

        Operator(String sql) {
            this.sql = sql;
            this.wire = name().toLowerCase(java.util.Locale.ROOT);
        }

        String sql() {
            return sql;
        }

        String wire() {
            return wire;
        }
    }
}
