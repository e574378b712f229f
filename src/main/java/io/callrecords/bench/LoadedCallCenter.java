package io.callrecords.bench;

import io.callrecords.simulator.AccountSetup;
import io.callrecords.simulator.CallCenter;
import io.callrecords.simulator.RecordingAttacher;
import io.callrecords.simulator.ServiceClient;
import io.callrecords.simulator.TrafficRun;
import io.callrecords.simulator.TrafficSimulation;
import java.net.URI;
import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The days of a simulated 20-agent call center that the overload and mixed benchmarks load through intake before
 * they measure, so that the call list, the call detail, the worklist and the reports read real records.
 *
 * @param calls the ids of the loaded calls, for the call detail
 */
record LoadedCallCenter(CallCenter center, LocalDate firstDay, int days, List<String> calls) {

    private static final LocalDate FIRST_DAY = LocalDate.parse("2026-06-01");

    /** Loads {@code days} days from the first, and waits until the reports have folded them. */
    static LoadedCallCenter load(ServiceProcess service, int days) throws Exception {
        return load(service, days, "Overload benchmark", FIRST_DAY);
    }

    /**
     * @param benchmark the benchmark's name, as the line saying what was loaded starts
     * @param firstDay the first loaded day: the calls intake sends during the measurement follow the loaded days, and
     *                 must stay behind the service's clock however many are sent
     */
    static LoadedCallCenter load(ServiceProcess service, int days, String benchmark, LocalDate firstDay)
            throws Exception {
        LoadedCallCenter empty = new LoadedCallCenter(CallCenter.withAgents(20), firstDay, days, List.of());
        ServiceClient client = new ServiceClient(URI.create("http://127.0.0.1:" + service.port), service.apiKey);
        new AccountSetup(client).apply(empty.center(), empty.start());
        long began = System.nanoTime();
        List<String> calls = new ArrayList<>();
        new TrafficRun(client, new TrafficRun.Options(5_000, 2, 0), RecordingAttacher.NONE, TrafficRun.Progress.NONE)
                .send(new TrafficSimulation(empty.center(), 2026, empty.start(), empty.end(), Long.MAX_VALUE),
                        call -> calls.add(call.uuid().toString()));
        System.out.printf("%s: %d days of a %d-agent center loaded (%,d calls in %.0f s)%n",
                benchmark, days, empty.center().agents(), calls.size(), (System.nanoTime() - began) / 1e9);
        try (Connection db = service.database()) {
            System.out.printf("  report roll-ups folded %.1f s after the load%n", ReportFolds.awaitFolded(db));
        }
        return new LoadedCallCenter(empty.center(), firstDay, days, List.copyOf(calls));
    }

    ZoneId zone() {
        return center.zone();
    }

    Instant start() {
        return firstDay.atStartOfDay(zone()).toInstant();
    }

    /** The end of the last loaded day: the calls intake sends during the measurement come after it. */
    Instant end() {
        return firstDay.plusDays(days).atStartOfDay(zone()).toInstant();
    }
}
