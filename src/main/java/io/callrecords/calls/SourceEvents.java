package io.callrecords.calls;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * The way a source's translation (sources.md) writes a call: its events replace that call's earlier ones from the same
 * source, and everything after that — derivation, callbacks, webhooks, reports — is the path of
 * {@code /api/v3/call-events}.
 */
@Service
public class SourceEvents {

    private final CallIntake intake;

    SourceEvents(CallIntake intake) {
        this.intake = intake;
    }

    /**
     * @param source the source's name ({@code freeswitch}, {@code asterisk} ...), kept on each event
     * @param events the call's whole translation, in the order the events were translated; every event of
     *               {@code call}, with ids unique in the account
     * @return false when the translation equals the stored one, so nothing changed
     */
    public boolean replace(long accountId, String source, UUID call, List<CallEvent> events) {
        checkBelong(call, events);
        return intake.replaceFromSource(accountId, source, call, events);
    }

    /**
     * As {@link #replace} for several calls in one go (a source's batch: one lock, one write, one re-derivation).
     *
     * @param eventsByCall each call's whole translation
     * @return the calls whose events changed
     */
    public Set<UUID> replaceAll(long accountId, String source, Map<UUID, List<CallEvent>> eventsByCall) {
        eventsByCall.forEach(SourceEvents::checkBelong);
        return intake.replaceFromSource(accountId, source, eventsByCall);
    }

    private static void checkBelong(UUID call, List<CallEvent> events) {
        for (CallEvent e : events) {
            if (!e.callUuid().equals(call)) {
                throw new IllegalArgumentException("event " + e.id() + " belongs to call " + e.callUuid() + ", not " + call);
            }
        }
    }
}
