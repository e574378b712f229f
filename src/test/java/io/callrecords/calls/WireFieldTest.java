package io.callrecords.calls;

import static org.assertj.core.api.Assertions.assertThat;

import io.callrecords.shared.Timestamps;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WireFieldTest {

    @Test
    void theHandWrittenTimeIsTheSharedWireForm() {
        Random random = new Random(5);
        for (int i = 0; i < 10_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(-2_000_000_000L, 8_000_000_000L),
                    random.nextInt(1_000_000_000));
            for (ZoneOffset offset : new ZoneOffset[] {ZoneOffset.UTC, ZoneOffset.ofHoursMinutes(5, 30),
                    ZoneOffset.ofHours(-3)}) {
                assertThat(WireField.wireTime(instant.atOffset(offset))).isEqualTo(Timestamps.wire(instant));
            }
        }
        assertThat(WireField.wireTime(OffsetDateTime.parse("0999-12-31T23:59:59.999Z")))
                .isEqualTo(Timestamps.wire(Instant.parse("0999-12-31T23:59:59.999Z")));
    }

    @Test
    void everyFieldHasItsColumnInOrder() {
        assertThat(WireField.COLUMNS.split(", ")).hasSize(33);
        assertThat(WireField.ALL).filteredOn(f -> f.column() == 0).extracting(WireField::name)
                .containsExactly("record_url", "voicemail_url");
        assertThat(WireField.COLUMNS).endsWith("updated_at, call_flow::text AS call_flow");
    }
}
