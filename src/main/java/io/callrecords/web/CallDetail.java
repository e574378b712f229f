package io.callrecords.web;

import java.net.URI;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * One call for people: every field of the record in words (grouped), the call flow as a timeline, the audio, and
 * the calls linked to it by a callback. Public, as the pages' view models are, for the templates to read.
 *
 * @param recordUrl    the signed link of the recording, as a path on this site (null when there is none)
 * @param voicemailUrl the same for the voicemail
 * @param callback     for a missed call: the call that returned it (null when none did, or the call was not missed)
 * @param notReturned  a missed call that no call returned yet
 * @param returned     the missed calls that this call returned, oldest first
 */
public record CallDetail(String uuid, String title, List<CallFacts.Group> groups, List<FlowStep> flow,
                         String recordUrl, String voicemailUrl, Callback callback, boolean notReturned,
                         List<ReturnedCall> returned) {

    /** The call that returned a missed one: who, after how long, and where it is. */
    public record Callback(String uuid, String href, String words) {}

    /** A missed call that this call returned. */
    public record ReturnedCall(String uuid, String href, String started, String caller, String reason, String after) {}

    static CallDetail of(Map<String, Object> r, List<Map<String, Object>> returnedBy, ZoneId zone) {
        boolean missed = Boolean.TRUE.equals(r.get("missing_call"));
        String callbackUuid = (String) r.get("callback_cdr_uuid");
        Callback callback = callbackUuid == null ? null : new Callback(callbackUuid, href(callbackUuid),
                "returned by " + (r.get("callback_user_id") == null ? "a call" : "user " + r.get("callback_user_id"))
                        + ", " + DetailWords.span(r.get("callback_time")) + " after this call ended");
        List<ReturnedCall> returned = returnedBy.stream().map(m -> new ReturnedCall((String) m.get("uuid"),
                href((String) m.get("uuid")), CallRow.local((String) m.get("started_at"), zone),
                (String) m.get("caller_number"), Words.reason((String) m.get("missing_call_reason")),
                DetailWords.span(m.get("callback_time")))).toList();
        return new CallDetail((String) r.get("uuid"), title(r, zone), CallFacts.of(r, zone),
                FlowStep.timeline(r.get("call_flow"), (String) r.get("started_at"), zone),
                onThisSite((String) r.get("record_url")), onThisSite((String) r.get("voicemail_url")), callback,
                missed && callbackUuid == null, returned);
    }

    /** "Inbound call from +90532..., 2026-03-26 12:31:12". */
    private static String title(Map<String, Object> r, ZoneId zone) {
        String direction = Words.direction((String) r.get("direction"));
        String party = "outbound".equals(r.get("direction")) ? " to " + r.get("callee_number")
                : " from " + r.get("caller_number");
        return (direction.isEmpty() ? "Call" : direction + " call") + party + ", "
                + CallRow.local((String) r.get("started_at"), zone);
    }

    static String href(String uuid) {
        return "/calls/" + uuid;
    }

    /**
     * A signed media link as a path of this site: the record's links start with the public base URL (made for API
     * clients and webhooks, possibly another host name for this same service), while the page may only load media
     * from its own origin (CSP {@code media-src 'self'}). The signature covers account, call, kind and expiry, not
     * the host, so the path and query alone are the same permission.
     */
    static String onThisSite(String url) {
        if (url == null) {
            return null;
        }
        URI uri = URI.create(url);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }
}
