package io.callrecords.sources.asterisk;

import static org.assertj.core.api.Assertions.assertThat;

import io.callrecords.calls.Direction;
import io.callrecords.calls.EndpointType;
import io.callrecords.calls.EventDetail;
import io.callrecords.shared.CsvReader;
import io.callrecords.sources.Translation;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The translation alone, no service: what the profile changes. */
class CelCallTest {

    private static List<CelCall.Row> rows(String csv) {
        List<List<String>> records = CsvReader.records(csv);
        List<String> header = records.getFirst();
        List<CelCall.Row> rows = new ArrayList<>();
        for (int r = 1; r < records.size(); r++) {
            Map<String, String> fields = new HashMap<>();
            for (int c = 0; c < header.size(); c++) {
                fields.put(header.get(c), records.get(r).get(c));
            }
            rows.add(new CelCall.Row(CelEvent.read(fields, ZoneOffset.UTC), r));
        }
        return rows;
    }

    private static EventDetail.Init init(String csv, AsteriskProfile profile) {
        Map<String, Long> ids = new HashMap<>();
        Translation t = CelCall.translate(rows(csv), List.of(), true, profile,
                (kind, ref, name) -> ids.computeIfAbsent(kind + ref, k -> (long) ids.size() + 1), UUID.randomUUID());
        return (EventDetail.Init) t.events().getFirst().detail();
    }

    @Test
    void aPhoneWithANameIsAPhoneInAnInternalContext() {
        String csv = AsteriskSourceTest.resource("internal.csv").replace("PJSIP/1001-", "PJSIP/alice-");
        EventDetail.Init byContext = init(csv, AsteriskProfile.FREEPBX);
        assertThat(byContext.direction()).isEqualTo(Direction.INTERNAL);
        assertThat(byContext.caller().type()).isEqualTo(EndpointType.USER);
        assertThat(byContext.caller().number()).isEqualTo("1001");

        AsteriskProfile noInternalContexts = new AsteriskProfile(null, null, List.of(), null, null, null, null, null,
                null);
        EventDetail.Init byName = init(csv, noInternalContexts);
        assertThat(byName.direction()).isEqualTo(Direction.INBOUND);
        assertThat(byName.caller().type()).isEqualTo(EndpointType.CONTACT);
    }
}
