package io.callrecords.simulator;

/**
 * Where a simulated call's recording and voicemail get their audio. {@link TrafficRun} calls it for every
 * recorded call and every call with a voicemail once the batch holding the call's hangup was accepted, as a
 * platform uploads the audio after the call. {@link #NONE} attaches nothing (plain traffic, benchmarks);
 * {@link GeneratedAudioUploader} puts short generated audio through the media API.
 */
public interface RecordingAttacher {

    /** Attaches nothing; runs report how many calls were recorded and that their audio was not attached. */
    RecordingAttacher NONE = new RecordingAttacher() {
        @Override
        public void attach(SimulatedCall call, ServiceClient service) {
            // audio is left out
        }

        @Override
        public boolean attaches() {
            return false;
        }
    };

    /** Gives {@code call} (ended, its events stored) the audio of its recording and of its voicemail, as it has them. */
    void attach(SimulatedCall call, ServiceClient service);

    /** Whether this attacher attaches audio at all (a run's summary says so). */
    default boolean attaches() {
        return true;
    }
}
