package io.callrecords.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The service after the overload benchmark's overload and recovery: its gauges (back to zero?), what it shed and why,
 * and whether intake stored exactly the events it acknowledged (a 503 must store nothing).
 */
final class OverloadAftermath {

    private OverloadAftermath() {}

    /** @param since when the overload began: events stored from then on are compared with those acknowledged */
    static void print(ServiceProcess service, List<RequestOutcome> overload, List<RequestOutcome> recovery,
                      Instant since) throws Exception {
        Map<String, Double> metrics = ServiceMetrics.scrape(service.port);
        System.out.printf("After: requests in progress %.0f, waiting %.0f; answered 503 by the service: %.0f with the"
                        + " queue full, %.0f after waiting, %.0f without a connection%n",
                metrics.getOrDefault("callrecords_requests_active", -1.0),
                metrics.getOrDefault("callrecords_requests_waiting", -1.0),
                metrics.getOrDefault("callrecords_requests_shed_total{reason=\"queue_full\"}", 0.0),
                metrics.getOrDefault("callrecords_requests_shed_total{reason=\"waited\"}", 0.0),
                metrics.getOrDefault("callrecords_requests_shed_total{reason=\"no_connection\"}", 0.0));
        long acknowledged = 0;
        long unanswered = 0;
        for (List<RequestOutcome> phase : List.of(overload, recovery)) {
            for (RequestOutcome o : phase) {
                if (o.kind() == MixedLoad.Kind.INTAKE && o.status() == 202) {
                    acknowledged += o.events();
                } else if (o.kind() == MixedLoad.Kind.INTAKE && o.status() != 503) {
                    unanswered += o.events();
                }
            }
        }
        try (Connection db = service.database();
             PreparedStatement s = db.prepareStatement("SELECT count(*) FROM call_events WHERE received_at >= ?")) {
            s.setTimestamp(1, Timestamp.from(since));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                System.out.printf("Intake during overload and recovery: %,d events acknowledged (202), %,d in requests"
                        + " that failed otherwise (not 503); events stored meanwhile: %,d%n",
                        acknowledged, unanswered, rs.getLong(1));
            }
        }
    }
}
