package io.callrecords;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JDK search that ./callrecords and ./mvnw share (.mvn/find-jdk.sh). */
class LauncherJdkTest {

    @TempDir
    Path dir;

    @Test
    void findsAJdk21OrNewerInTheJvmFolder() throws Exception {
        Path jvms = Files.createDirectories(dir.resolve("jvm"));
        Files.createSymbolicLink(jvms.resolve("some-jdk"), Path.of(System.getProperty("java.home")));
        Result result = findJdk(Map.of("CALLRECORDS_JVM_DIR", jvms.toString(), "PATH", toolsOnlyPath()));
        assertThat(result.exit()).as(result.output()).isZero();
        assertThat(result.output().strip()).isEqualTo(jvms.resolve("some-jdk").toString());
    }

    @Test
    void saysInOneSentenceWhenThereIsNone() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Result result = findJdk(Map.of("CALLRECORDS_JVM_DIR", empty.toString(), "PATH", toolsOnlyPath()));
        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.output().strip()).startsWith("Callrecords needs a JDK 21 or newer: none found").doesNotContain("\n");
    }

    /** A PATH with the few tools the script uses, and no java, whatever this machine has installed. */
    private String toolsOnlyPath() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        for (String tool : List.of("sed", "head", "dirname", "readlink")) {
            for (String folder : List.of("/usr/bin", "/bin")) {
                Path found = Path.of(folder, tool);
                if (Files.exists(found) && Files.notExists(bin.resolve(tool))) {
                    Files.createSymbolicLink(bin.resolve(tool), found);
                }
            }
        }
        return bin.toString();
    }

    private record Result(int exit, String output) {}

    private Result findJdk(Map<String, String> environment) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("/bin/bash", "-c",
                ". .mvn/find-jdk.sh && callrecords_find_jdk && echo \"$JAVA_HOME\"").redirectErrorStream(true);
        builder.environment().remove("JAVA_HOME");
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        return new Result(process.waitFor(), output);
    }
}
