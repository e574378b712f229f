package io.callrecords.webhooks;

import io.callrecords.shared.CallrecordsProperties;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.ToIntFunction;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reserves due deliveries for this node, in one short transaction: candidates are locked with
 * {@code FOR UPDATE SKIP LOCKED} (so nodes never wait for each other), the chosen ones get this
 * claim's id and a lease, and the transaction ends before anything is sent. A node that dies
 * leaves leases that simply run out.
 *
 * <p>Due means: pending, its time come, not leased, not blocked behind an earlier delivery of its
 * call ({@link CallOrder}), its subscription active and not held. Candidates
 * are taken per subscription (at most its free in-flight slots), from two lanes, first attempts
 * and retries, so that one endpoint's backlog never crowds out another's, nor retries new events.
 * A subscription whose circuit is open and whose hold has passed gets a single probe.
 */
@Component
class DeliveryClaims {

    private static final String LANE = """
            SELECT %s FROM webhook_subscriptions s CROSS JOIN LATERAL (
              SELECT d.* FROM webhook_deliveries d
              WHERE d.subscription_id = s.id AND d.status = 'pending' AND %s AND NOT d.blocked
                AND d.next_attempt_at <= now() AND (d.lease_until IS NULL OR d.lease_until < now())
              ORDER BY d.next_attempt_at, d.id
              LIMIT :per
              FOR UPDATE OF d SKIP LOCKED) d
            WHERE s.status = 'active' AND (s.hold_until IS NULL OR s.hold_until <= now())
              AND NOT (s.id = ANY (CAST(:full AS bigint[])))""";

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final CallrecordsProperties.Webhooks settings;

    DeliveryClaims(JdbcClient jdbc, TransactionTemplate transaction, CallrecordsProperties.Webhooks settings) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.settings = settings;
    }

    /**
     * @param full       subscriptions with no free slot on this node
     * @param freeSlots  free in-flight slots of a subscription on this node
     * @param room       free slots of this node in all
     */
    List<ClaimedDelivery> claim(Set<Long> full, ToIntFunction<Long> freeSlots, int room) {
        if (room <= 0) {
            return List.of();
        }
        return transaction.execute(status -> {
            relaxDurability(jdbc);
            int per = settings.maxInFlightPerSubscription();
            Map<Long, List<ClaimedDelivery>> firsts = bySubscription(lane("d.attempts = 0", full, per));
            Map<Long, List<ClaimedDelivery>> retries = bySubscription(lane("d.attempts > 0", full, per));
            Set<Long> subscriptions = new TreeSet<>(firsts.keySet());
            subscriptions.addAll(retries.keySet());
            List<ClaimedDelivery> chosen = new ArrayList<>();
            for (Long subscription : subscriptions) {
                List<ClaimedDelivery> first = firsts.getOrDefault(subscription, List.of());
                List<ClaimedDelivery> retry = retries.getOrDefault(subscription, List.of());
                boolean circuitOpen = (first.isEmpty() ? retry : first).getFirst().probe();
                int slots = Math.min(freeSlots.applyAsInt(subscription), room - chosen.size());
                if (circuitOpen) {
                    slots = Math.min(slots, 1);
                    if (slots == 0 || !startProbe(subscription)) {
                        continue;
                    }
                }
                chosen.addAll(share(first, retry, slots));
                if (chosen.size() >= room) {
                    break;
                }
            }
            if (chosen.isEmpty()) {
                return List.of();
            }
            UUID claim = UUID.randomUUID();
            jdbc.sql("""
                            UPDATE webhook_deliveries SET claim_id = :claim,
                              lease_until = now() + make_interval(secs => :lease)
                            WHERE id = ANY (CAST(:ids AS bigint[]))""")
                    .param("claim", claim)
                    .param("lease", settings.lease().toMillis() / 1000.0)
                    .param("ids", chosen.stream().map(ClaimedDelivery::id).toArray(Long[]::new))
                    .update();
            return chosen.stream().map(d -> d.withClaim(claim)).toList();
        });
    }

    /** Retries get a quarter of the slots (at least one) when both lanes wait; either lane fills what the other leaves. */
    static List<ClaimedDelivery> share(List<ClaimedDelivery> first, List<ClaimedDelivery> retry, int slots) {
        int retrySlots = Math.min(retry.size(), Math.max(1, slots / 4));
        int firstSlots = Math.min(first.size(), slots - retrySlots);
        retrySlots = Math.min(retry.size(), slots - firstSlots);
        List<ClaimedDelivery> out = new ArrayList<>(first.subList(0, firstSlots));
        out.addAll(retry.subList(0, Math.max(0, retrySlots)));
        return out;
    }

    /**
     * A claim lost in a database crash only means its deliveries may be sent once more (they are
     * at least once anyway), so its commit need not wait for the disk; this keeps the claim loop,
     * one transaction after another, off the fsync path. The outbox rows themselves are written
     * with the intake's fully durable commit.
     */
    static void relaxDurability(JdbcClient jdbc) {
        jdbc.sql("SET LOCAL synchronous_commit TO OFF").update();
    }

    /** Moves the hold of an open circuit forward so that only this node, this once, probes. */
    private boolean startProbe(long subscription) {
        Duration probe = settings.breakerProbe();
        return jdbc.sql("""
                        UPDATE webhook_subscriptions SET hold_until = now() + make_interval(secs => :probe)
                        WHERE id = :id AND status = 'active' AND (hold_until IS NULL OR hold_until <= now())""")
                .param("probe", probe.toMillis() / 1000.0)
                .param("id", subscription)
                .update() == 1;
    }

    private List<ClaimedDelivery> lane(String condition, Set<Long> full, int per) {
        return jdbc.sql(LANE.formatted(ClaimedDelivery.COLUMNS, condition))
                .param("per", per)
                .param("full", full.toArray(Long[]::new))
                .query((rs, row) -> ClaimedDelivery.read(rs, settings.breakerThreshold()))
                .list();
    }

    private static Map<Long, List<ClaimedDelivery>> bySubscription(List<ClaimedDelivery> rows) {
        Map<Long, List<ClaimedDelivery>> out = new LinkedHashMap<>();
        rows.forEach(d -> out.computeIfAbsent(d.subscriptionId(), s -> new ArrayList<>()).add(d));
        return out;
    }
}
