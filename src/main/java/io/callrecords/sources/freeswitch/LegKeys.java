package io.callrecords.sources.freeswitch;

/**
 * Which call a leg belongs to (sources.md, "FreeSWITCH"): legs are grouped by the A-leg's uuid, the call's uuid.
 * <ul>
 *   <li>an agent leg of mod_callcenter ({@code cc_side=agent}) belongs to the caller's (member's) leg:
 *       {@code cc_member_session_uuid} — its {@code originating_leg_uuid}, when it has one, is a loopback or the
 *       queue's own originate, not the caller;</li>
 *   <li>a leg FreeSWITCH originated for a bridge (a B-leg, a ring-group loser) names its A-leg in
 *       {@code originating_leg_uuid};</li>
 *   <li>any other leg is an A-leg: the call's key is its own uuid.</li>
 * </ul>
 * The document's key is the leg's uuid: FreeSWITCH's retries of one leg are one document.
 */
final class LegKeys {

    private LegKeys() {}

    static String docKey(Leg leg) {
        return leg.uuid();
    }

    static String callKey(Leg leg) {
        if ("agent".equals(leg.var("cc_side")) && leg.var("cc_member_session_uuid") != null) {
            return leg.var("cc_member_session_uuid");
        }
        String originating = leg.var("originating_leg_uuid");
        if (originating != null && !originating.equals(leg.uuid())) {
            return originating;
        }
        return leg.uuid();
    }

    /** An A-leg: the leg whose uuid is the call's key (the caller's leg, or the one that placed the call). */
    static boolean isALeg(Leg leg) {
        return leg.uuid() != null && leg.uuid().equals(callKey(leg));
    }
}
