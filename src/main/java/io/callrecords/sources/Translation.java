package io.callrecords.sources;

import io.callrecords.calls.CallEvent;
import java.util.List;

/**
 * What a source's documents of one call say, in the dialect of call-records.md §2.
 *
 * @param events   the call's events, in the order they happened as far as the documents tell; ids unique within the
 *                 call (the core makes them unique in the account); {@code arrival} is ignored
 * @param finished the platform said the call is over (FreeSWITCH: the A-leg's CDR; Asterisk: every LINKEDID_END)
 * @param problems what the documents lacked, in words an operator reads on the source's page (empty when none)
 */
public record Translation(List<CallEvent> events, boolean finished, List<String> problems) {

    public Translation {
        events = List.copyOf(events);
        problems = List.copyOf(problems);
    }

    /** Documents that make no call yet (a B-leg before its A-leg, say); kept and translated again with the next. */
    public static Translation nothingYet() {
        return new Translation(List.of(), false, List.of());
    }
}
