package io.callrecords.calls;

import java.util.List;
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
        for (CallEvent e : events) {
            if (!e.callUuid().equals(call)) {
                throw new IllegalArgumentException("event " + e.id() + " belongs to call " + e.callUuid() + ", not " + call);
            }
        }
        return intake.replaceFromSource(accountId, source, call, events);
    }
}
