package io.callrecords.simulator;

/**
 * How callers and agents behave, in the figures a call center reports (shares and means) rather than in
 * hidden parameters, so that what is configured here is what the records show.
 *
 * @param denylistedShare          inbound calls that come from a denylisted number
 * @param earlyHangupShare         calls in business hours that end before {@code short_abandon_seconds}
 * @param dialByExtensionShare     IVR callers who dial a user's extension instead of choosing a queue
 * @param extensionNoAnswerShare   of those, the ones whose user does not pick up
 * @param giveUpShare              queued callers who give up before an agent answers
 * @param callbackRequestShare     of those giving up, the ones who ask to be called back
 * @param voicemailShare           of those giving up without asking for a callback, the ones who leave a voicemail
 * @param meanAnswerWaitSeconds    mean time in the queue of callers who get an agent (over the day; busier
 *                                 hours wait longer, quiet ones less)
 * @param meanGiveUpSeconds        mean time in the queue of callers who give up
 * @param meanTalkSeconds          mean conversation length
 * @param transferShare            answered calls that the agent transfers to a colleague
 * @param afterHoursVoicemailShare callers after hours who leave a voicemail
 * @param retryShare               callers missed in business hours who call again within minutes
 * @param returnShare              missed calls an agent returns (a callback request is nearly always returned)
 * @param outboundAnswerShare      outbound calls the other side answers
 * @param recordedShare            conversations that are recorded
 * @param nationalFormatShare      numbers the platform sends in national form ({@code 0532 ...}) instead of E.164
 */
public record CallerBehaviour(double denylistedShare, double earlyHangupShare, double dialByExtensionShare,
                              double extensionNoAnswerShare, double giveUpShare, double callbackRequestShare,
                              double voicemailShare, double meanAnswerWaitSeconds, double meanGiveUpSeconds,
                              double meanTalkSeconds, double transferShare, double afterHoursVoicemailShare,
                              double retryShare, double returnShare, double outboundAnswerShare,
                              double recordedShare, double nationalFormatShare) {

    /** A center that is busy but coping: about one caller in eight gives up, answered callers wait half a minute. */
    public static CallerBehaviour typical() {
        return new CallerBehaviour(0.02, 0.04, 0.08, 0.35, 0.12, 0.25, 0.25, 35, 45, 180, 0.05, 0.3, 0.3, 0.6,
                0.65, 0.7, 0.05);
    }
}
