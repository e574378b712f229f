package io.callrecords.bench;

import io.callrecords.simulator.AccountSetup;
import io.callrecords.simulator.CallCenter;
import io.callrecords.simulator.ServiceClient;
import io.callrecords.simulator.SimulatedCall;
import io.callrecords.simulator.SimulatedEvent;
import io.callrecords.simulator.TrafficSimulation;
import java.net.URI;
import java.time.Instant;

/** The calls a benchmark sends: one call's events at a time, and the account made ready for them. */
interface CallSource {

    /** Appends the next call's events, one JSON object per line, each line ending in a newline. */
    void nextCall(StringBuilder out);

    /** Gives the account what these calls expect (settings, address book), so intake does its real work. */
    void prepare(URI service, String apiKey);

    /**
     * The simulator's traffic of a center with {@code agents} agents from a fixed start: realistic calls (IVR,
     * queues, ringing, abandons, voicemails, callbacks, returns), the same for the same seed.
     */
    static CallSource simulated(long seed, int agents) {
        CallCenter center = CallCenter.withAgents(agents);
        Instant start = Instant.parse("2026-06-01T00:00:00Z");
        TrafficSimulation traffic = new TrafficSimulation(center, seed, start, null, Long.MAX_VALUE);
        return new CallSource() {
            @Override
            public void nextCall(StringBuilder out) {
                SimulatedCall call = traffic.next();
                for (SimulatedEvent event : call.events()) {
                    event.appendJson(out, center.zone());
                }
            }

            @Override
            public void prepare(URI service, String apiKey) {
                new AccountSetup(new ServiceClient(service, apiKey)).apply(center, start);
            }
        };
    }
}
