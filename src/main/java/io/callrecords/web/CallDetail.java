package io.callrecords.web;

import io.callrecords.calls.CallRecord;
import io.callrecords.calls.Direction;
import io.callrecords.people.EntryNames;
import java.net.URI;
import java.time.ZoneId;
import java.util.List;

/**
 * One call for people: every field of the record in words (grouped), the call flow as a timeline, the audio, and
 * the calls linked to it by a callback. Public, as the pages' view models are, for the templates to read.
 *
 * @param recordUrl    the signed link of the recording, as a path on this site (null when there is none)
 * @param voicemailUrl the same for the voicemail
 * @param callback     for a missed call: the call that returned it (null when none did, or the call was not missed)
 * @param notReturned  a missed call that no call returned yet
 * @param returned     the missed calls that this call returned, oldest first
 * @param live         the call has not ended: whether it is missed is not decided yet
 */
public record CallDetail(String uuid, String title, List<CallFacts.Group> groups, List<FlowStep> flow,
                         String recordUrl, String voicemailUrl, Callback callback, boolean notReturned,
                         List<ReturnedCall> returned, boolean live) {

    /** The call that returned a missed one: who, after how long, and where it is. */
    public record Callback(String uuid, String href, String words) {}

    /** A missed call that this call returned. */
    public record ReturnedCall(String uuid, String href, String started, String caller, String reason, String after) {}

    /**
     * The call in words; {@code names} holds the directory's names of what the call and the calls it returned name
     * ({@link CallNames#wanted}).
     */
    static CallDetail of(CallRecord r, List<CallRecord> returnedBy, ZoneId zone, EntryNames names) {
        return of(r, returnedBy, zone, names, AddressBookWords.NONE);
    }

    /** The same, naming the call's contact and company from the account's address book. */
    static CallDetail of(CallRecord r, List<CallRecord> returnedBy, ZoneId zone, EntryNames names,
                         AddressBookWords book) {
        String callbackUuid = r.callbackCdrUuid() == null ? null : r.callbackCdrUuid().toString();
        Callback callback = callbackUuid == null ? null : new Callback(callbackUuid, href(callbackUuid),
                "returned by " + (r.callbackUserId() == null ? "a call" : DetailWords.user(r.callbackUserId(), names))
                        + ", " + DetailWords.span(r.callbackTime()) + " after this call ended");
        List<ReturnedCall> returned = returnedBy.stream().map(m -> new ReturnedCall(m.uuid().toString(),
                href(m.uuid().toString()), CallRow.local(m.startedAt(), zone), m.callerNumber(),
                DetailWords.missedReason(m), DetailWords.span(m.callbackTime()))).toList();
        return new CallDetail(r.uuid().toString(), title(r, zone), CallFacts.of(r, zone, names, book),
                FlowStep.timeline(FlowStep.withParties(r), r.startedAt(), zone, names, book), onThisSite(r.recordUrl()),
                onThisSite(r.voicemailUrl()), callback, r.missed() && callbackUuid == null, returned,
                r.endedAt() == null);
    }

    /** "Inbound call from +90532..., 2026-03-26 12:31:12". */
    private static String title(CallRecord r, ZoneId zone) {
        String direction = Words.direction(Words.wire(r.direction()));
        String party = r.direction() == Direction.OUTBOUND ? " to " + r.calleeNumber() : " from " + r.callerNumber();
        return (direction.isEmpty() ? "Call" : direction + " call") + party + ", " + CallRow.local(r.startedAt(), zone);
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
