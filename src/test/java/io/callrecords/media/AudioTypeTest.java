package io.callrecords.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Audio is told by its first bytes: one case per magic number, and near misses that are not audio. */
class AudioTypeTest {

    private static Optional<AudioType> sniff(String hex) {
        byte[] head = HexFormat.of().parseHex(hex);
        return AudioType.sniff(head, head.length);
    }

    private static Optional<AudioType> sniffText(String text) {
        byte[] head = text.getBytes(StandardCharsets.ISO_8859_1);
        return AudioType.sniff(head, head.length);
    }

    @Test
    void mpegIsAnId3TagOrAValidFrameHeader() {
        assertThat(sniffText("ID3\u0004\u0000")).hasValue(AudioType.MPEG);
        assertThat(sniff("fffb9064")).as("MPEG-1 layer III, 128 kbit/s, 44.1 kHz").hasValue(AudioType.MPEG);
        assertThat(sniff("fff38464")).as("MPEG-2 layer III").hasValue(AudioType.MPEG);
        assertThat(sniff("fff15080")).as("ADTS AAC: layer 00").isEmpty();
        assertThat(sniff("fffbf064")).as("bitrate index 1111 is invalid").isEmpty();
        assertThat(sniff("fffb9c64")).as("sample rate index 11 is reserved").isEmpty();
        assertThat(sniff("ffeb9064")).as("version 01 is reserved").isEmpty();
    }

    @Test
    void wavIsRiffWaveAndOggIsOggS() {
        assertThat(sniffText("RIFF\u0024\u0000\u0000\u0000WAVEfmt ")).hasValue(AudioType.WAV);
        assertThat(sniffText("RIFF\u0024\u0000\u0000\u0000AVI LIST")).isEmpty();
        assertThat(sniffText("OggS\u0000\u0002")).hasValue(AudioType.OGG);
        assertThat(sniffText("%PDF-1.7")).isEmpty();
        assertThat(sniffText("ID")).isEmpty();
    }

    @Test
    void headersNameTypesWithTheirAliasesAndParameters() {
        assertThat(AudioType.fromHeader("audio/mpeg")).hasValue(AudioType.MPEG);
        assertThat(AudioType.fromHeader("Audio/MP3; charset=binary")).hasValue(AudioType.MPEG);
        assertThat(AudioType.fromHeader("audio/x-wav")).hasValue(AudioType.WAV);
        assertThat(AudioType.fromHeader("audio/ogg")).hasValue(AudioType.OGG);
        assertThat(AudioType.fromHeader("video/ogg")).isEmpty();
        assertThat(AudioType.fromHeader(null)).isEmpty();
    }
}
