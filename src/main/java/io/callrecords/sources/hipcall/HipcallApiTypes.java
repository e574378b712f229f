package io.callrecords.sources.hipcall;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** What the Hipcall mirror's endpoints take and answer, as they appear on the wire (snake_case). */
final class HipcallApiTypes {

    private HipcallApiTypes() {}


    static final String MIRROR_EXAMPLE = """
            {"data": {"kind": "hipcall", "webhook_url": "https://callrecords.example.com/api/v3/sources/hipcall/webhook/4mZkq0W8r1bX2yQ",
             "endpoint_url": "https://callrecords.example.com/api/v3/sources/hipcall/webhook/4mZkq0W8r1bX2yQ", "polling": true,
             "settings": {"api_base_url": "https://use.hipcall.com.tr", "api_key_set": true},
             "recent_polls": [{"started_at": "2026-03-26T12:40:00Z", "window_from": "2026-03-19T12:39:00Z",
               "window_to": "2026-03-26T12:40:00Z", "requests": 2, "records": 131, "changed": 1, "error": null}],
             "problems": []}}""";

    @Schema(description = "Mirror a Hipcall account")
    record HipcallMirrorRequest(
            @Schema(description = "Hipcall's address (a trailing /api/v3 is dropped)", example = "https://use.hipcall.com.tr",
                    requiredMode = Schema.RequiredMode.REQUIRED) String apiBaseUrl,
            @Schema(description = "Hipcall's API token; optional (without it the mirror does not poll); left out, the"
                    + " key kept stays; never read back", example = "g2gDbQAAACd5...") String apiKey,
            @Schema(description = "How many days Hipcall's raw bodies are kept", example = "30") Integer rawDocumentRetentionDays) {}

    record HipcallMirrorSettings(@Schema(example = "https://use.hipcall.com.tr") String apiBaseUrl,
                    @Schema(description = "A key is kept (it is never shown)", example = "true") boolean apiKeySet) {}

    record HipcallPoll(@Schema(example = "2026-03-26T12:40:00Z") String startedAt,
                @Schema(example = "2026-03-19T12:39:00Z") String windowFrom,
                @Schema(example = "2026-03-26T12:40:00Z") String windowTo,
                @Schema(description = "Requests made to Hipcall", example = "2") int requests,
                @Schema(description = "Records Hipcall listed", example = "131") int records,
                @Schema(description = "Records that were new or changed", example = "1") int changed,
                @Schema(description = "Why the poll failed, in words; null when it did not", example = "null") String error) {}

    record HipcallProblem(@Schema(example = "2026-03-26T12:40:00Z") String at,
                   @Schema(example = "28504f46-31c2-4962-9d67-3c013838e339") String callUuid,
                   @Schema(example = "The recording could not be fetched from Hipcall: 403 Forbidden") String problem) {}

    record HipcallMirrorView(@Schema(example = "hipcall") String kind,
                  @Schema(description = "The URL to paste into Hipcall's webhook integration; its last segment is its"
                          + " credential") String webhookUrl,
                  @Schema(description = "The same URL, under the name every source uses") String endpointUrl,
                  @Schema(description = "Hipcall's API is polled (a key is kept)") boolean polling,
                  HipcallMirrorSettings settings, List<HipcallPoll> recentPolls, List<HipcallProblem> problems) {}

    record HipcallMirrorBody(HipcallMirrorView data) {}

    record HipcallReceipt(@Schema(description = "Bodies kept now", example = "1") int stored,
                   @Schema(description = "Bodies seen before (a retry)", example = "0") int duplicates,
                   @Schema(description = "What could not be mirrored, in words (the body is kept all the same)")
                   List<String> problems) {}

    record HipcallReceiptBody(HipcallReceipt data) {}

    record HipcallImported(@Schema(description = "Lines kept now", example = "2") int stored,
                    @Schema(description = "Lines seen before", example = "0") int duplicates,
                    @Schema(description = "Records written", example = "1") int records,
                    @Schema(description = "Records new or changed", example = "1") int changed,
                    @Schema(description = "What could not be mirrored, in words") List<String> problems) {}

    record HipcallImportedBody(HipcallImported data) {}
}
