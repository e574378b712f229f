package io.callrecords.calls;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The spreadsheet layout's headings, clock durations and wall-clock times. */
class SpreadsheetCsvWriterTest {

    @Test
    void headingsNameTheZoneAndNeverRepeatEachOther() {
        assertThat(SpreadsheetCsvWriter.header(ZoneId.of("Europe/Istanbul"))).startsWith("Call",
                "Started (Europe/Istanbul)", "Started (UTC)").doesNotHaveDuplicates();
        for (ZoneId utc : new ZoneId[] {ZoneOffset.UTC, ZoneId.of("UTC"), ZoneId.of("Etc/UTC")}) {
            assertThat(SpreadsheetCsvWriter.header(utc)).as(utc.getId()).doesNotHaveDuplicates()
                    .contains("Started (account's zone: UTC)", "Started (UTC)");
        }
    }

    @Test
    void durationsAndTimesReadAsSpreadsheetsReadThem() {
        assertThat(SpreadsheetCsvWriter.clock(0)).isEqualTo("0:00:00");
        assertThat(SpreadsheetCsvWriter.clock(65)).isEqualTo("0:01:05");
        assertThat(SpreadsheetCsvWriter.clock(90_061)).isEqualTo("25:01:01");
        Instant t = Instant.parse("2026-03-29T00:30:05Z");
        assertThat(SpreadsheetCsvWriter.wallClock(t, ZoneOffset.UTC)).isEqualTo("2026-03-29 00:30:05");
        assertThat(SpreadsheetCsvWriter.wallClock(t, ZoneOffset.ofHours(3))).isEqualTo("2026-03-29 03:30:05");
        assertThat(SpreadsheetCsvWriter.wallClock(t, ZoneOffset.ofHours(-5))).isEqualTo("2026-03-28 19:30:05");
    }
}
