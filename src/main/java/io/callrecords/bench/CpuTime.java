package io.callrecords.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time (user + system) used so far by a process and its children, from {@code /proc}: what a request costs
 * in CPU whatever else runs on the machine, where latency depends on the neighbours.
 */
final class CpuTime {

    /** Clock ticks a second of {@code /proc/<pid>/stat}; 100 on Linux. */
    private static final double TICKS = 100.0;

    private CpuTime() {}

    /** Seconds of CPU used by {@code pid} and every live descendant (a PostgreSQL server and its backends). */
    static double of(long pid) {
        return Stream.concat(Stream.of(pid), ProcessHandle.of(pid).stream()
                        .flatMap(ProcessHandle::descendants).map(ProcessHandle::pid))
                .mapToDouble(CpuTime::ticks).sum() / TICKS;
    }

    /** Seconds of CPU of this JVM (the load generator). */
    static double self() {
        return ticks(ProcessHandle.current().pid()) / TICKS;
    }

    private static double ticks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime (fields 14 and 15)
        } catch (IOException | RuntimeException e) {
            return 0; // the process ended
        }
    }
}
