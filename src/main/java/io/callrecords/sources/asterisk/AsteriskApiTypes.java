package io.callrecords.sources.asterisk;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * The bodies of Asterisk's endpoints as the OpenAPI document describes them. The intake reads its body itself (JSON,
 * NDJSON, CSV or queue_log text, all or nothing), so these records document the wire rather than bind it.
 */
final class AsteriskApiTypes {

    static final String CEL_EXAMPLE = "[{\"EventName\": \"CHAN_START\", \"EventTime\": \"2026-12-01 09:00:00.000000\","
            + " \"UniqueID\": \"1796115600.1\", \"LinkedID\": \"1796115600.1\", \"Channel\": \"PJSIP/trunk-00000001\","
            + " \"CallerIDnum\": \"+905321110001\", \"Exten\": \"+908502220000\", \"Context\": \"from-trunk\"},"
            + " {\"EventName\": \"HANGUP\", \"EventTime\": \"2026-12-01 09:00:20.100000\", \"UniqueID\": \"1796115600.1\","
            + " \"LinkedID\": \"1796115600.1\", \"Channel\": \"PJSIP/trunk-00000001\", \"Extra\":"
            + " \"{\\\"hangupcause\\\":16,\\\"hangupsource\\\":\\\"PJSIP/trunk-00000001\\\",\\\"dialstatus\\\":\\\"CANCEL\\\"}\"}]";
    static final String CSV_EXAMPLE = "eventtype,eventtime,cid_num,exten,context,channame,uniqueid,linkedid,extra\n"
            + "CHAN_START,2026-12-01 09:00:00.000000,+905321110001,+908502220000,from-trunk,PJSIP/trunk-00000001,"
            + "1796115600.1,1796115600.1,\n";
    static final String QUEUE_LOG_EXAMPLE = "1796115601|1796115600.1|400||ENTERQUEUE||+905321110001|1\n"
            + "1796115617|1796115600.1|400|PJSIP/1003|RINGNOANSWER|15000\n";
    static final String QUEUE_ROWS_EXAMPLE = "[{\"time\": \"1796115601\", \"callid\": \"1796115600.1\", \"queuename\":"
            + " \"400\", \"agent\": \"NONE\", \"event\": \"ENTERQUEUE\", \"data1\": \"\", \"data2\": \"+905321110001\","
            + " \"data3\": \"1\"}]";
    static final String PROFILE_EXAMPLE = "{\"trunk_channels\": [\"PJSIP/trunk-*\"], \"time_zone\": \"Europe/Istanbul\","
            + " \"default_region\": \"TR\"}";

    private AsteriskApiTypes() {}

    @Schema(name = "AsteriskIntakeOutcome")
    record Accepted(Outcome data) {}

    @Schema(name = "AsteriskIntakeCounts")
    record Outcome(
            @Schema(example = "14", description = "Documents stored now") int stored,
            @Schema(example = "0", description = "Documents already stored (a retry, or a sweep after a gap)")
            int duplicates,
            List<CallOutcome> calls) {}

    @Schema(name = "AsteriskCallOutcome", description = "A call the documents touched and its translation now")
    record CallOutcome(
            @Schema(example = "1796115600.1", description = "The oldest linkedid of the call's group") String callKey,
            @Schema(example = "0b5d6f3c-1d2e-3f4a-8b5c-6d7e8f9a0b1c", format = "uuid") String callUuid,
            @Schema(example = "5", description = "Events of the call (0 until every linkedid of the group ended)")
            int events,
            @Schema(example = "true") boolean finished,
            @Schema(example = "the caller number 'anonymous' is neither E.164 nor an extension") String problem) {}

    @Schema(name = "AsteriskSource")
    record Source(SourceData data) {}

    @Schema(name = "AsteriskSourceData")
    record SourceData(
            @Schema(example = "asterisk") String kind,
            Profile settings,
            @Schema(example = "https://calls.example.com/api/v3/sources/asterisk/cel") String endpointUrl,
            @Schema(example = "https://calls.example.com/api/v3/sources/asterisk/queue-log") String queueLogUrl) {}

    @Schema(name = "AsteriskProfile", description = "Fields left out take FreePBX's defaults")
    record Profile(
            @Schema(example = "[\"PJSIP/trunk-*\"]") List<String> trunkChannels,
            @Schema(example = "[\"from-trunk\", \"from-pstn\", \"from-did-direct\"]") List<String> inboundContexts,
            @Schema(example = "[\"from-internal\"]") List<String> internalContexts,
            @Schema(example = "[\"closed-hours\"]") List<String> closedHoursContexts,
            @Schema(example = "[\"ivr-*\"]") List<String> ivrContexts,
            @Schema(example = "[\"ext-group\"]") List<String> ringGroupContexts,
            @Schema(example = "Europe/Istanbul") String timeZone,
            @Schema(example = "TR") String defaultRegion,
            @Schema(example = "30") Integer rawDocumentRetentionDays) {}
}
