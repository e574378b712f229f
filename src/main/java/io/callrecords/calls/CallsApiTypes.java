package io.callrecords.calls;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The bodies of intake ({@code POST /api/v3/call-events}) and import as the OpenAPI document describes them. Intake
 * reads its body as a stream of items itself (JSON array, one object or NDJSON, within a byte limit) and names every
 * bad field of every item in one 422, so these records document the wire rather than bind it.
 */
final class CallsApiTypes {

    static final String TAG = "Calls";
    static final String TAG_DESCRIPTION = "Call records, wire-compatible with Hipcall's API v3: intake of call-flow"
            + " events, the read API (also in the legacy v20211124 shape), export and import";

    private CallsApiTypes() {}

    @Schema(name = "CallEvent", description = "One call-flow event; events of a call may come in any order and more"
            + " than once (the id makes a repeat a duplicate)")
    record CallEvent(
            @Schema(example = "pbx1-8812", requiredMode = Schema.RequiredMode.REQUIRED,
                    description = "Unique per account: a repeated id is counted as a duplicate, not stored again")
            String id,
            @Schema(example = "caedfd1b-25ec-447e-ad87-3b7eb3d358ea", format = "uuid",
                    requiredMode = Schema.RequiredMode.REQUIRED) String callUuid,
            @Schema(example = "init", requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"init", "route",
                    "answer", "bridge_attempt", "bridge", "bridge_fail", "callback_request", "voicemail", "hangup"})
            String action,
            @Schema(example = "2026-03-26T09:31:32Z", format = "date-time", requiredMode = Schema.RequiredMode.REQUIRED,
                    description = "ISO-8601 with offset, at most the allowed clock skew in the future") String at,
            EventDetail detail) {}

    @Schema(name = "CallEventDetail", description = "The fields of the action: init takes caller, callee and"
            + " number_id (channel_*, direction, contact_id optional); route, answer, bridge_attempt, bridge and"
            + " bridge_fail take type and id (team_id, result); hangup takes hangup_by")
    record EventDetail(
            Endpoint caller,
            Endpoint callee,
            @Schema(example = "717") Long numberId,
            @Schema(example = "number") String channelType,
            @Schema(example = "717") Long channelId,
            @Schema(example = "inbound", allowableValues = {"inbound", "outbound", "internal"}) String direction,
            @Schema(example = "31") Long contactId,
            @Schema(example = "user", allowableValues = {"user", "contact", "greeting", "team", "hangup"}) String type,
            @Schema(example = "42") Long id,
            @Schema(example = "5") Long teamId,
            @Schema(example = "no_answer") String result,
            @Schema(example = "contact", allowableValues = {"user", "contact", "system"}) String hangupBy) {}

    @Schema(name = "CallEndpoint")
    record Endpoint(
            @Schema(example = "+905321234567", description = "E.164, national in default_region, or an extension")
            String number,
            @Schema(example = "contact", allowableValues = {"user", "contact", "greeting", "team", "hangup"}) String type,
            @Schema(example = "31") Long id) {}

    @Schema(name = "IntakeOutcome")
    record Accepted(
            @Schema(example = "2", description = "Events stored") int accepted,
            @Schema(example = "0", description = "Events whose id was already stored") int duplicates) {}

    @Schema(name = "ImportOutcome")
    record Imported(
            @Schema(example = "250", description = "New records") int imported,
            @Schema(example = "3", description = "Records that replaced one of the same uuid") int updated) {}

    record AcceptedBody(Accepted data) {}

    record ImportedBody(Imported data) {}
}
