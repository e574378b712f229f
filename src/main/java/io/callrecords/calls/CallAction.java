package io.callrecords.calls;

import java.util.Optional;

/** The {@code action} of a call-flow event (call-records.md §2). */
public enum CallAction implements WireName {
    INIT, ROUTE, ANSWER, BRIDGE_ATTEMPT, BRIDGE, BRIDGE_FAIL, CALLBACK_REQUEST, VOICEMAIL, HANGUP;

    public static Optional<CallAction> fromWire(String wire) {
        return WireName.parse(CallAction.class, wire);
    }
}
