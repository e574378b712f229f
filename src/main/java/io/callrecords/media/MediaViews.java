package io.callrecords.media;

import io.swagger.v3.oas.annotations.media.Schema;

/** The answers of the media endpoints, as they go over the wire. */
final class MediaViews {

    static final String TAG = "Media";
    static final String TAG_DESCRIPTION = "A call's recording and voicemail: upload, fetch from a URL, signed links";

    private MediaViews() {}

    @Schema(name = "Media")
    record Stored(
            @Schema(example = "caedfd1b-25ec-447e-ad87-3b7eb3d358ea", format = "uuid") String callUuid,
            @Schema(example = "recording", allowableValues = {"recording", "voicemail"}) String kind,
            @Schema(example = "audio/mpeg") String contentType,
            @Schema(example = "482113", description = "bytes") long size,
            @Schema(example = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08") String sha256,
            @Schema(example = "2026-03-26T09:33:02Z", format = "date-time") String storedAt,
            @Schema(example = "https://calls.example.com/media/v1/7/caedfd1b-25ec-447e-ad87-3b7eb3d358ea/recording"
                    + "?expires=1774531982&signature=3q2-7w", format = "uri", description = "signed, valid for 4 hours")
            String url) {}

    @Schema(name = "MediaFetch", description = "The service fetches the media from source_url by the deadline")
    record Fetch(
            @Schema(example = "caedfd1b-25ec-447e-ad87-3b7eb3d358ea", format = "uuid") String callUuid,
            @Schema(example = "recording", allowableValues = {"recording", "voicemail"}) String kind,
            @Schema(example = "fetching", allowableValues = {"fetching"}) String status,
            @Schema(example = "https://pbx.example.com/recordings/caedfd1b.mp3", format = "uri") String sourceUrl,
            @Schema(example = "2026-03-26T10:33:02Z", format = "date-time") String deadline) {}

    @Schema(name = "MediaLink")
    record Link(@Schema(example = "https://calls.example.com/media/v1/7/caedfd1b-25ec-447e-ad87-3b7eb3d358ea/recording"
            + "?expires=1774531982&signature=3q2-7w", format = "uri", description = "signed, valid for 4 hours") String url) {}

    /** Documents the JSON body of an upload by URL; the controller reads it itself, within a size limit. */
    @Schema(name = "MediaFetchRequest")
    record FetchRequest(@Schema(example = "https://pbx.example.com/recordings/caedfd1b.mp3", format = "uri",
            requiredMode = Schema.RequiredMode.REQUIRED) String sourceUrl) {}

    record StoredBody(Stored data) {}

    record FetchBody(Fetch data) {}

    record LinkBody(Link data) {}
}
