package io.callrecords.calls;

import static org.assertj.core.api.Assertions.assertThat;

import io.callrecords.support.Api;
import io.callrecords.support.Audio;
import io.callrecords.support.MediaAppTestSupport;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Every record served carries fresh signed media links: the one record, a list page, the export. */
class MediaLinksInListsTest extends MediaAppTestSupport {

    @Test
    void listsAndExportsSignTheLinksOfTheirCalls() throws Exception {
        String key = newAccount("media-in-lists");
        FlowJson withAudio = FlowJson.call("2026-03-26T09:00:00Z").inbound("+905321234567").at(5_000).hangup("contact");
        FlowJson without = FlowJson.call("2026-03-26T10:00:00Z").inbound("+905321234568").at(5_000).hangup("contact");
        api.post("/api/v3/call-events", key, withAudio.array());
        api.post("/api/v3/call-events", key, without.array());
        Api.Response put = api.send(api.request("/api/v3/calls/" + withAudio.uuid() + "/recording", key)
                .header("Content-Type", Audio.MP3).PUT(HttpRequest.BodyPublishers.ofByteArray(Audio.bytes(Audio.MP3, 4_000, 1))));
        assertThat(put.status()).as(put.raw().body()).isEqualTo(201);

        JsonNode page = api.get("/api/v3/calls?sort=started_at.asc", key).data();
        assertThat(page.get(0).path("uuid").asString()).isEqualTo(withAudio.uuid().toString());
        String link = page.get(0).path("record_url").asString();
        assertThat(link).contains("/media/v1/").contains("signature=");
        assertThat(page.get(0).path("voicemail_url").isNull()).isTrue();
        assertThat(page.get(1).path("record_url").isNull()).isTrue();
        assertThat(api.send(api.request(link.substring(link.indexOf("/media/")), null).GET()).status()).isEqualTo(200);

        String export = api.send(api.request("/api/v3/calls/export?format=ndjson&sort=started_at.asc", key).GET()).raw().body();
        assertThat(export.lines().findFirst().orElseThrow()).contains("\"record_url\":\"http").contains("/media/v1/");
        assertThat(api.get("/api/v20211124/cdrs", key).data().toString()).contains("/media/v1/");
    }
}
