package io.callrecords;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The command line as an operator meets it, in a real process started in an empty directory: {@code --help} on every
 * command prints its usage and touches nothing, a typo is answered at once, a read that finds no database says where
 * it looked and creates none, and a data directory another process holds is refused in one sentence.
 */
class CommandLineTest {

    @TempDir
    Path cwd;

    private record Run(int code, String out) {}

    /** {@code callrecords ARGS} in {@link #cwd}, with no data directory or database set in its environment. */
    private Run run(String... args) {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), "io.callrecords.CallrecordsApplication"));
        command.addAll(List.of(args));
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(cwd.toFile()).redirectErrorStream(true);
            builder.environment().remove("CALLRECORDS_DATA_DIR");
            builder.environment().remove("CALLRECORDS_DB_URL");
            Process process = builder.start();
            byte[] out = process.getInputStream().readAllBytes();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("exited").isTrue();
            return new Run(process.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Stream<List<String>> helps() {
        return Stream.of(List.of("--help"), List.of("help"), List.of("serve", "--help"), List.of("serve", "-h"),
                List.of("accounts", "--help"), List.of("accounts", "list", "--help"), List.of("demo", "--help"),
                List.of("simulate", "--help"), List.of("bench", "--help"), List.of("users", "--help"),
                List.of("users", "create", "--help"), List.of("users", "reset-password", "--help"));
    }

    @ParameterizedTest
    @MethodSource("helps")
    void helpPrintsUsageAndTouchesNothing(List<String> args) throws IOException {
        Run help = run(args.toArray(String[]::new));
        assertThat(help.code()).as(help.out()).isZero();
        assertThat(help.out()).contains("Usage: callrecords").doesNotContain("Exception").doesNotContain("cr_");
        try (Stream<Path> made = Files.list(cwd)) {
            assertThat(made).as("what --help created").isEmpty();
        }
    }

    @Test
    void aTypoIsAnsweredAtOnceWithTheWayOut() {
        Run typo = run("accounts", "lst");
        assertThat(typo.code()).isEqualTo(2);
        assertThat(typo.out().strip()).isEqualTo("Unknown action 'lst': the actions are list, create and create-key"
                + " (see ./callrecords accounts --help).");
        Run unknown = run("servce");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.out()).startsWith("Unknown command 'servce'.");
        assertThat(run("serve", "now").code()).isEqualTo(2);
    }

    @Test
    void listingWhereNoDatabaseIsSaysWhereItLookedAndCreatesNone() throws IOException {
        Run list = run("accounts", "list", "--data-dir", "elsewhere");
        assertThat(list.code()).isZero();
        assertThat(list.out().strip()).isEqualTo("No Callrecords database in " + cwd.resolve("elsewhere")
                + " (it is made by ./callrecords serve; --data-dir names another directory). No accounts.");
        Run key = run("accounts", "create-key", "--account", "ACME");
        assertThat(key.code()).isEqualTo(1);
        assertThat(key.out()).contains("No Callrecords database in " + cwd.resolve("data"));
        Run reset = run("users", "reset-password", "--account", "ACME", "--email", "ayse@example.com");
        assertThat(reset.code()).isEqualTo(1);
        assertThat(reset.out()).contains("No Callrecords database in " + cwd.resolve("data"));
        Run incomplete = run("users", "reset-password", "--account", "ACME");
        assertThat(incomplete.code()).isEqualTo(2);
        assertThat(incomplete.out().strip()).isEqualTo("users reset-password needs --account NAME or ID and --email EMAIL.");
        try (Stream<Path> made = Files.list(cwd)) {
            assertThat(made).isEmpty();
        }
    }

    @Test
    void aServiceOnADataDirectoryInUseIsRefusedInOneSentence() throws IOException {
        Path dataDir = Files.createDirectories(cwd.resolve("busy"));
        try (FileChannel channel = FileChannel.open(dataDir.resolve("callrecords.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); var lock = channel.lock()) {
            Run serve = run("serve", "--data-dir", dataDir.toString());
            assertThat(serve.code()).isEqualTo(1);
            assertThat(serve.out().strip()).isEqualTo("The data directory " + dataDir + " is in use by"
                    + " another Callrecords process: stop it, or give this one another --data-dir.");
            Run demo = run("demo", "--data-dir", dataDir.toString());
            assertThat(demo.code()).isEqualTo(1);
            assertThat(demo.out().strip()).doesNotContain("\n").endsWith("give this demo another --data-dir.");
        }
    }
}
