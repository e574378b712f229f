package io.callrecords.bench;

import io.callrecords.bench.BenchAccounts.Account;
import java.util.List;

/** {@code GET /api/v3/calls/export} of whole accounts, in both formats: records a second, and the service's heap. */
final class ExportThroughput implements AutoCloseable {

    private final KeepAliveHttp http;
    private final ServiceProcess service;

    ExportThroughput(ServiceProcess service) {
        this.http = new KeepAliveHttp(service.port);
        this.service = service;
    }

    /** Counts the lines and bytes of a body as it streams in. */
    private static final class LineCounter extends java.io.OutputStream {
        long lines;
        long bytes;

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] buffer, int offset, int length) {
            bytes += length;
            for (int i = offset; i < offset + length; i++) {
                if (buffer[i] == '\n') {
                    lines++;
                }
            }
        }
    }

    void run(List<Account> accounts) throws Exception {
        System.out.printf("%nExport of whole accounts, one at a time%n");
        try (MemoryProbe memory = new MemoryProbe(service.pid(), service.postgresPid(), service.port)) {
            Thread.sleep(1_500);
            long heapBefore = memory.maxHeapBytes.get();
            for (String format : List.of("ndjson", "csv")) {
                for (Account account : accounts) {
                    double serviceCpu = CpuTime.of(service.pid());
                    double postgresCpu = CpuTime.of(service.postgresPid());
                    long started = System.nanoTime();
                    LineCounter body = new LineCounter();
                    int status = http.get("/api/v3/calls/export?format=" + format, account.key(), body);
                    long records = body.lines - (format.equals("csv") ? 1 : 0);
                    double seconds = (System.nanoTime() - started) / 1e9;
                    if (status != 200) {
                        throw new IllegalStateException("export answered " + status);
                    }
                    System.out.printf("  %-6s account %d: %,d records, %,d MiB in %.2f s: %,.0f records/s, %.0f MiB/s;"
                                    + " CPU a record: service %.1f µs, PostgreSQL %.1f µs%n",
                            format, account.id(), records, body.bytes >> 20, seconds, records / seconds,
                            body.bytes / seconds / (1 << 20), (CpuTime.of(service.pid()) - serviceCpu) * 1e6 / records,
                            (CpuTime.of(service.postgresPid()) - postgresCpu) * 1e6 / records);
                }
            }
            System.out.printf("  service heap in use: %,d MiB before the exports, at most %,d MiB during them (-Xmx1g)%n",
                    heapBefore >> 20, memory.maxHeapBytes.get() >> 20);
        }
    }

    @Override
    public void close() throws java.io.IOException {
        http.close();
    }
}
