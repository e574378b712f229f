package io.callrecords.sources;

/** The one tag of every source's operations in the OpenAPI document: a tag declared twice is an invalid document. */
public final class SourcesOpenApi {

    public static final String TAG = "Sources";
    public static final String TAG_DESCRIPTION = "Phone systems feeding Callrecords with what they already send"
            + " (FreeSWITCH's CDRs, Asterisk's CEL and queue_log, Hipcall's webhooks), kept as it came and translated"
            + " into call records";

    private SourcesOpenApi() {}
}
