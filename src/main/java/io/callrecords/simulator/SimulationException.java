package io.callrecords.simulator;

/** A run cannot go on (the service is unreachable, refuses the key, or the account cannot be set up); the message says why in one sentence. */
public final class SimulationException extends RuntimeException {

    public SimulationException(String message) {
        super(message);
    }
}
