package io.callrecords.calls;

import io.callrecords.shared.Times;
import io.callrecords.shared.ValidationException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Pattern;

/** The date pieces of the one-record endpoints: {@code ?date=} and the dated form's {@code yyyy/mm/dd} (the uuid is {@link io.callrecords.shared.PathUuids}). */
final class CallDates {

    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    /** Hipcall's Ruby SDK builds the path from integers: {@code 2022/7/7} as well as {@code 2022/07/07}. */
    private static final Pattern MONTH_OR_DAY = Pattern.compile("\\d{1,2}");

    private CallDates() {}

    /** Checks {@code ?date=YYYY-MM-DD}; the call's UTC start date, a hint the uuid does not need. */
    static void date(String value) {
        try {
            Times.parseDate(value);
        } catch (DateTimeException e) {
            throw ValidationException.of("date", "is not a date (YYYY-MM-DD)");
        }
    }

    /** Checks the {@code {yyyy}/{mm}/{dd}} of a dated path. */
    static void date(String year, String month, String day) {
        try {
            if (YEAR.matcher(year).matches() && MONTH_OR_DAY.matcher(month).matches()
                    && MONTH_OR_DAY.matcher(day).matches()) {
                Times.within(LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day)));
                return;
            }
        } catch (DateTimeException e) {
            // reported below
        }
        throw ValidationException.of("date", "is not a date (yyyy/mm/dd)");
    }
}
