package io.callrecords.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callrecords.shared.CommandLine;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SourcesCommandTest {

    @Test
    void rederiveReadsItsSourceAndPeriod() {
        SourcesCommand command = SourcesCommand.parse(new String[] {"rederive", "--source", "freeswitch", "--from",
                "2026-12-01", "--to", "2026-12-01T08:00:00Z", "--account", "acme"});
        assertThat(command.source()).isEqualTo(SourceKind.FREESWITCH);
        assertThat(command.from()).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
        assertThat(command.to()).isEqualTo(Instant.parse("2026-12-01T08:00:00Z"));
        assertThat(command.options().string("--account", null)).isEqualTo("acme");
        assertThat(SourcesCommand.parse(new String[] {"rederive", "--help"}).help()).isTrue();
    }

    @Test
    void mistakesAreAnsweredInOneSentence() {
        assertThatThrownBy(() -> SourcesCommand.parse(new String[] {"rederive", "--source", "hipcall", "--from",
                "2026-12-01", "--to", "2026-12-02"})).isInstanceOf(CommandLine.BadArguments.class)
                .hasMessageContaining("the sources are freeswitch and asterisk");
        assertThatThrownBy(() -> SourcesCommand.parse(new String[] {"rederive", "--source", "asterisk", "--from",
                "yesterday", "--to", "2026-12-02"})).hasMessageContaining("--from: 'yesterday' is neither a date");
        assertThatThrownBy(() -> SourcesCommand.parse(new String[] {"rederive", "--source", "asterisk", "--from",
                "2026-12-02", "--to", "2026-12-01"})).hasMessage("--to must be after --from.");
        assertThatThrownBy(() -> SourcesCommand.parse(new String[] {"rederive", "--source", "asterisk"}))
                .hasMessageContaining("needs --from");
        assertThatThrownBy(() -> SourcesCommand.parse(new String[] {"replay"}))
                .hasMessageContaining("Unknown action 'replay'");
    }
}
