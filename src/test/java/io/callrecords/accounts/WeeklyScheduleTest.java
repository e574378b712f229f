package io.callrecords.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WeeklyScheduleTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final WeeklySchedule NINE_TO_FIVE = new WeeklySchedule(
            Map.of(DayOfWeek.SUNDAY, List.of(new WeeklySchedule.OpenInterval(9 * 60, 17 * 60)),
                   DayOfWeek.MONDAY, List.of(new WeeklySchedule.OpenInterval(0, 24 * 60))),
            Set.of(LocalDate.parse("2026-04-06")));

    @Test
    void localTimeDecidesAcrossDaylightSavingChanges() {
        // 2026-03-29 is the spring-forward Sunday in Berlin: 09:00 local is 07:00 UTC (CEST).
        assertThat(NINE_TO_FIVE.isOpen(Instant.parse("2026-03-29T06:59:00Z"), BERLIN)).isFalse();
        assertThat(NINE_TO_FIVE.isOpen(Instant.parse("2026-03-29T07:00:00Z"), BERLIN)).isTrue();
        // A week earlier, still CET: 09:00 local is 08:00 UTC.
        assertThat(NINE_TO_FIVE.isOpen(Instant.parse("2026-03-22T07:59:00Z"), BERLIN)).isFalse();
        assertThat(NINE_TO_FIVE.isOpen(Instant.parse("2026-03-22T08:00:00Z"), BERLIN)).isTrue();
        // Closing time is exclusive.
        assertThat(NINE_TO_FIVE.isOpen(Instant.parse("2026-03-29T14:59:59Z"), BERLIN)).isTrue();
        assertThat(NINE_TO_FIVE.isOpen(Instant.parse("2026-03-29T15:00:00Z"), BERLIN)).isFalse();
    }

    @Test
    void twentyFourHoursAndClosedDates() {
        assertThat(NINE_TO_FIVE.isOpen(Instant.parse("2026-03-30T21:59:59Z"), BERLIN)).as("23:59:59 Monday").isTrue();
        assertThat(NINE_TO_FIVE.isOpen(Instant.parse("2026-04-06T10:00:00Z"), BERLIN)).as("closed Easter Monday").isFalse();
        assertThat(NINE_TO_FIVE.isOpen(Instant.parse("2026-03-31T10:00:00Z"), BERLIN)).as("a day left out is closed").isFalse();
    }

    @Test
    void aNumbersOwnScheduleOverridesTheAccounts() {
        WeeklySchedule closed = new WeeklySchedule(Map.of(), Set.of());
        AccountSettings settings = new AccountSettings(BERLIN, null, NINE_TO_FIVE, Map.of("717", closed, "+4930123456", closed),
                3, List.of(), java.time.Duration.ofDays(7));
        assertThat(settings.scheduleFor(717L, "+4930999")).contains(closed);
        assertThat(settings.scheduleFor(null, "+4930123456")).contains(closed);
        assertThat(settings.scheduleFor(12L, "+4930999")).contains(NINE_TO_FIVE);
        assertThat(AccountSettings.DEFAULTS.scheduleFor(717L, null)).as("no business hours: always open").isEmpty();
    }
}
