package io.callrecords.calls;

import static org.assertj.core.api.Assertions.assertThat;

import io.callrecords.shared.Timestamps;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CallRecordFieldsTest {

    @Test
    void theHandWrittenTimeIsTheSharedWireForm() {
        Random random = new Random(5);
        for (int i = 0; i < 10_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(-2_000_000_000L, 8_000_000_000L),
                    random.nextInt(1_000_000_000));
            assertThat(CallRecordFields.wireTime(instant)).isEqualTo(Timestamps.wire(instant));
        }
        assertThat(CallRecordFields.wireTime(Instant.parse("0999-12-31T23:59:59.999Z")))
                .isEqualTo(Timestamps.wire(Instant.parse("0999-12-31T23:59:59.999Z")));
    }

    @Test
    void theNamesAreTheComponentsInSnakeCaseAndEveryStoredFieldHasItsColumnInOrder() {
        assertThat(CallRecordFields.NAMES).hasSize(35).startsWith("uuid", "direction", "number_id")
                .contains("first_touch_duration", "callback_cdr_uuid").endsWith("updated_at", "call_flow");
        assertThat(CallRecordFields.COLUMNS.split(", ")).hasSize(33).doesNotContain("record_url", "voicemail_url");
        assertThat(CallRecordFields.COLUMNS).startsWith("uuid, direction, number_id, channel_type")
                .endsWith("updated_at, call_flow::text AS call_flow");
    }
}
