package io.callrecords.sources.freeswitch;

import io.callrecords.sources.SourceProfiles;
import java.util.List;
import java.util.Map;

/**
 * An account's profile of its FreeSWITCH (sources.md §5), JSON in snake case. A stock FusionPBX needs none of it:
 * FusionPBX sets {@code call_direction} on every call, and the defaults below are its names.
 *
 * @param trunkProfiles             SIP profiles whose calls come from the outside world (FusionPBX: {@code external})
 * @param trunkGateways             gateways that are trunks; empty: every gateway is one
 * @param ivrNames                  names of IVR menus by the {@code ivr} application's argument (FusionPBX gives a uuid)
 * @param closedHoursNames          words that, in a played file or a transfer's target, mark the closed-hours branch
 *                                  of a time condition; the call is then routed to a greeting of that name
 * @param defaultRegion             ISO country to read national caller numbers ({@code TR}); null: only E.164 numbers
 *                                  and extensions are understood
 * @param recordingsUrl             where the service fetches a recording the CDR names: a URL with {@code {record_path}},
 *                                  {@code {record_name}}, {@code {domain_name}} and {@code {uuid}} filled from the
 *                                  leg, e.g. {@code https://pbx.example.com/recordings/{domain_name}/{record_name}};
 *                                  null: recordings are not fetched (the importer can upload them)
 * @param rawDocumentRetentionDays  how long the CDRs themselves are kept
 */
public record FreeswitchProfile(List<String> trunkProfiles, List<String> trunkGateways, Map<String, String> ivrNames,
                                List<String> closedHoursNames, String defaultRegion, String recordingsUrl,
                                Integer rawDocumentRetentionDays) {

    public FreeswitchProfile {
        trunkProfiles = trunkProfiles == null ? List.of("external") : List.copyOf(trunkProfiles);
        trunkGateways = trunkGateways == null ? List.of() : List.copyOf(trunkGateways);
        ivrNames = ivrNames == null ? Map.of() : Map.copyOf(ivrNames);
        closedHoursNames = closedHoursNames == null ? List.of("closed", "after_hours", "after-hours", "holiday")
                : List.copyOf(closedHoursNames);
        rawDocumentRetentionDays = rawDocumentRetentionDays == null ? SourceProfiles.DEFAULT_RETENTION_DAYS
                : rawDocumentRetentionDays;
    }

    /** FusionPBX's names; what an account that never set a profile has. */
    public static FreeswitchProfile defaults() {
        return new FreeswitchProfile(null, null, null, null, null, null, null);
    }
}
