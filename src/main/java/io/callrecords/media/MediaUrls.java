package io.callrecords.media;

/** The signed links of one call's audio: {@code record_url} and {@code voicemail_url}, null when there is none. */
public record MediaUrls(String recordUrl, String voicemailUrl) {

    public static final MediaUrls NONE = new MediaUrls(null, null);
}
