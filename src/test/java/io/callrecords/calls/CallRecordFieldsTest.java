package io.callrecords.calls;

import static org.assertj.core.api.Assertions.assertThat;

import io.callrecords.shared.Timestamps;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
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
    void everyComponentIsWrittenUnderItsNameInOrder() {
        Instant at = Instant.parse("2026-03-26T09:31:32.750Z");
        CallRecord record = new CallRecord(UUID.fromString("caedfd1b-25ec-447e-ad87-3b7eb3d358ea"), Direction.INBOUND,
                717L, "number", 718L, "+905321234567", "+908502010000", EndpointType.CONTACT, 5L, EndpointType.TEAM,
                3L, 42L, 5L, 9L, RelatedType.CONTACT, 5L, at, at, at, at, at, 12, 95, true,
                MissingCallReason.ABANDONED, HangupBy.CONTACT, "https://r", "https://v", 8L, VoicemailType.USER, 43L,
                1260, UUID.fromString("fcc10162-820f-4ade-a83c-409f754ec06e"), true, at,
                CallFlow.of(List.of(new CallRecord.FlowEntry(CallAction.HANGUP, Map.of("hangup_by", "contact"), 1774517492L))));
        JsonNode json = JsonMapper.shared().readTree(JsonMapper.shared().writeValueAsString(record));
        assertThat(json.propertyNames()).containsExactlyElementsOf(CallRecordFields.NAMES);
        assertThat(json.path("started_at").asString()).isEqualTo("2026-03-26T09:31:32Z");
        assertThat(json.path("missing_call_reason").asString()).isEqualTo("abandoned");
        assertThat(json.path("callback_time").asInt()).isEqualTo(1260);
        assertThat(json.path("credited").asBoolean()).isTrue();
        assertThat(json.path("call_flow").toString())
                .isEqualTo("[{\"action\":\"hangup\",\"detail\":{\"hangup_by\":\"contact\"},\"timestamp\":1774517492}]");

        StringBuilder csv = new StringBuilder();
        try (CsvExportWriter writer = new CsvExportWriter(new java.io.OutputStream() {
            @Override
            public void write(int b) {
                csv.append((char) b);
            }
        })) {
            writer.accept(record, io.callrecords.people.EntryNames.NONE);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(csv.toString()).startsWith("caedfd1b-25ec-447e-ad87-3b7eb3d358ea,inbound,717,number,718,")
                .contains(",2026-03-26T09:31:32Z,12,95,true,abandoned,contact,https://r,https://v,8,user,43,1260,fcc10162-820f-4ade-a83c-409f754ec06e,true,")
                .endsWith(",\"[{\"\"action\"\":\"\"hangup\"\",\"\"detail\"\":{\"\"hangup_by\"\":\"\"contact\"\"},"
                        + "\"\"timestamp\"\":1774517492}]\",,,,,,,\r\n"); // no names: none asked for
    }

    @Test
    void theNamesAreTheComponentsInSnakeCaseAndEveryStoredFieldHasItsColumnInOrder() {
        assertThat(CallRecordFields.NAMES).hasSize(36).startsWith("uuid", "direction", "number_id")
                .contains("first_touch_duration", "callback_cdr_uuid", "credited").endsWith("updated_at", "call_flow");
        assertThat(CallRecordFields.COLUMNS.split(", ")).hasSize(34).doesNotContain("record_url", "voicemail_url");
        assertThat(CallRecordFields.COLUMNS).startsWith("uuid, direction, number_id, channel_type")
                .endsWith("updated_at, call_flow::text AS call_flow");
    }
}
