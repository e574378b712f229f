package io.callrecords.simulator;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Attaches short generated audio through the media API ({@code PUT /api/v3/calls/{uuid}/recording} and
 * {@code /voicemail}): one second of a tone as 8 kHz 16-bit mono WAV (16 KB), its pitch taken from the call's uuid
 * so that calls sound different and a run is the same each time. Enough to see the players and signed links work.
 * Each upload is a durable write (file fsync, commit), so a run attaches audio to its first {@code limit} calls
 * that have some only: a week of a large center would otherwise spend minutes on tones.
 */
public final class GeneratedAudioUploader implements RecordingAttacher {

    private static final int SAMPLE_RATE = 8_000;

    private final AtomicInteger budget;

    /** @param limit how many calls (of those recorded or with a voicemail) get audio at most */
    public GeneratedAudioUploader(int limit) {
        this.budget = new AtomicInteger(limit);
    }

    @Override
    public void attach(SimulatedCall call, ServiceClient service) {
        if (!call.recorded() && !call.leftVoicemail() || budget.getAndDecrement() <= 0) {
            return;
        }
        byte[] audio = tone(300 + Math.floorMod(call.uuid().hashCode(), 500), 1);
        if (call.recorded()) {
            upload(service, call, "recording", audio);
        }
        if (call.leftVoicemail()) {
            upload(service, call, "voicemail", audio);
        }
    }

    private static void upload(ServiceClient service, SimulatedCall call, String kind, byte[] audio) {
        ServiceClient.Answer answer = service.put("/api/v3/calls/" + call.uuid() + "/" + kind, "audio/wav", audio);
        if (answer.status() / 100 != 2) {
            throw new SimulationException("The service refused the " + kind + " of call " + call.uuid() + " ("
                    + answer.status() + "): " + answer.raw());
        }
    }

    /** {@code seconds} of a sine tone at {@code hertz}, as an 8 kHz 16-bit mono WAV file (the browser tests play it). */
    public static byte[] tone(int hertz, int seconds) {
        int samples = SAMPLE_RATE * seconds;
        ByteBuffer wav = ByteBuffer.allocate(44 + samples * 2).order(ByteOrder.LITTLE_ENDIAN);
        wav.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + samples * 2)
                .put("WAVEfmt ".getBytes(StandardCharsets.US_ASCII))
                .putInt(16).putShort((short) 1).putShort((short) 1).putInt(SAMPLE_RATE).putInt(SAMPLE_RATE * 2)
                .putShort((short) 2).putShort((short) 16)
                .put("data".getBytes(StandardCharsets.US_ASCII)).putInt(samples * 2);
        for (int i = 0; i < samples; i++) {
            wav.putShort((short) (Math.sin(2 * Math.PI * hertz * i / SAMPLE_RATE) * 8_000));
        }
        return wav.array();
    }
}
