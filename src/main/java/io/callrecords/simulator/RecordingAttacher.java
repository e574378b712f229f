package io.callrecords.simulator;

/**
 * Where a simulated call's recording gets its audio. {@link TrafficRun} calls it for every recorded call
 * once the batch holding the call's hangup was accepted, as a platform uploads a recording after the call.
 *
 * <p>The service's media API ({@code PUT /api/v3/calls/{uuid}/recording}) is not part of it yet, so the only
 * implementation is {@link #NONE}: recorded calls are counted and reported, and their audio is not
 * attached. The media work plugs its uploader in here, without touching the generator or the commands.
 */
public interface RecordingAttacher {

    /** Attaches nothing; runs report how many calls were recorded and that their audio was not attached. */
    RecordingAttacher NONE = new RecordingAttacher() {
        @Override
        public void attach(SimulatedCall call, ServiceClient service) {
            // nothing to attach to until the service has a media API
        }

        @Override
        public boolean attaches() {
            return false;
        }
    };

    /** Gives {@code call} (recorded, ended, its events stored) its recording's audio. */
    void attach(SimulatedCall call, ServiceClient service);

    /** Whether this attacher attaches audio at all (a run's summary says so). */
    default boolean attaches() {
        return true;
    }
}
