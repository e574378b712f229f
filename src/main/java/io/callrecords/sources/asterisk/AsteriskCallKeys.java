package io.callrecords.sources.asterisk;

import io.callrecords.sources.SourceIntake;
import io.callrecords.sources.SourceKind;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Which call an Asterisk document belongs to (ADR 0029): a call is the group of linkedids that share a channel
 * (a pickup or a transfer moves a channel to another linkedid); its key is the oldest linkedid of the group. When a
 * document joins two groups, the younger group's documents move to the older key. queue_log lines name only the
 * caller's uniqueid: it stands for a linkedid of its own until a CEL row of that channel joins it to its call.
 * One account's groups change under one lock, so two requests never join groups differently.
 */
@Service
class AsteriskCallKeys {

    /** A channel seen under a linkedid. */
    record Link(String uniqueId, String linkedId) {}

    /** Oldest first: by the unix seconds and the sequence of {@code [system-]1733400000.42}, never as strings. */
    static final Comparator<String> OLDEST_FIRST = Comparator
            .comparing((String id) -> numbers(id)[0]).thenComparing(id -> numbers(id)[1])
            .thenComparing(Comparator.naturalOrder());

    private static final Pattern UNIQUEID = Pattern.compile("(\\d+)\\.(\\d+)$");

    private final JdbcClient jdbc;
    private final SourceIntake intake;
    private final TransactionTemplate transactions;

    AsteriskCallKeys(JdbcClient jdbc, SourceIntake intake, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.intake = intake;
        this.transactions = new TransactionTemplate(transactions);
    }

    /** Records the links and joins the groups they connect; returns each linkedid's call key. */
    Map<String, String> keys(long accountId, Collection<Link> links) {
        if (links.isEmpty()) {
            return Map.of();
        }
        return transactions.execute(status -> {
            lock(accountId);
            List<Link> distinct = List.copyOf(new LinkedHashSet<>(links));
            jdbc.sql("""
                            INSERT INTO asterisk_channels (account_id, uniqueid, linkedid)
                            SELECT :account, u, l FROM unnest(CAST(:u AS text[]), CAST(:l AS text[])) AS t(u, l)
                            ON CONFLICT DO NOTHING""")
                    .param("account", accountId)
                    .param("u", distinct.stream().map(Link::uniqueId).toArray(String[]::new))
                    .param("l", distinct.stream().map(Link::linkedId).toArray(String[]::new))
                    .update();
            String[] linkedIds = distinct.stream().map(Link::linkedId).distinct().toArray(String[]::new);
            jdbc.sql("""
                            INSERT INTO asterisk_linkedids (account_id, linkedid, call_key)
                            SELECT :account, l, l FROM unnest(CAST(:l AS text[])) AS t(l)
                            ON CONFLICT DO NOTHING""")
                    .param("account", accountId)
                    .param("l", linkedIds)
                    .update();
            join(accountId, distinct.stream().map(Link::uniqueId).distinct().toArray(String[]::new));
            Map<String, String> keys = new HashMap<>();
            jdbc.sql("SELECT linkedid, call_key FROM asterisk_linkedids WHERE account_id = :account AND linkedid = ANY(CAST(:l AS text[]))")
                    .param("account", accountId)
                    .param("l", linkedIds)
                    .query((rs, n) -> keys.put(rs.getString(1), rs.getString(2)))
                    .list();
            return keys;
        });
    }

    /**
     * Documents stored under keys that another request joined to an older group meanwhile (between {@link #keys} and
     * their storing) move to that group; returns where each moved key went, the targets to be translated.
     */
    Map<String, String> settle(long accountId, Collection<String> keys) {
        if (keys.isEmpty()) {
            return Map.of();
        }
        return transactions.execute(status -> {
            lock(accountId);
            Map<String, String> targets = new HashMap<>();
            jdbc.sql("""
                            SELECT linkedid, call_key FROM asterisk_linkedids
                            WHERE account_id = :account AND linkedid = ANY(CAST(:k AS text[])) AND call_key <> linkedid""")
                    .param("account", accountId)
                    .param("k", keys.toArray(String[]::new))
                    .query((rs, n) -> targets.put(rs.getString(1), rs.getString(2)))
                    .list();
            intake.lockCalls(accountId, SourceKind.ASTERISK,
                    java.util.stream.Stream.concat(targets.keySet().stream(), targets.values().stream()).toList());
            targets.forEach((from, into) -> intake.merge(accountId, SourceKind.ASTERISK, List.of(from), into));
            return targets;
        });
    }

    private void join(long accountId, String[] uniqueIds) {
        Map<String, String> parent = new HashMap<>();
        jdbc.sql("""
                        SELECT c.uniqueid, l.call_key FROM asterisk_channels c
                        JOIN asterisk_linkedids l ON l.account_id = c.account_id AND l.linkedid = c.linkedid
                        WHERE c.account_id = :account AND c.uniqueid = ANY(CAST(:u AS text[]))
                        ORDER BY c.uniqueid""")
                .param("account", accountId)
                .param("u", uniqueIds)
                .query((rs, n) -> new Link(rs.getString(1), rs.getString(2)))
                .list()
                .stream()
                .collect(java.util.stream.Collectors.groupingBy(Link::uniqueId,
                        java.util.stream.Collectors.mapping(Link::linkedId, java.util.stream.Collectors.toList())))
                .values()
                .forEach(groupKeys -> {
                    for (String k : groupKeys) {
                        union(parent, groupKeys.getFirst(), k);
                    }
                });
        Map<String, List<String>> groups = new HashMap<>();
        for (String k : parent.keySet()) {
            groups.computeIfAbsent(find(parent, k), r -> new ArrayList<>()).add(k);
        }
        intake.lockCalls(accountId, SourceKind.ASTERISK,
                groups.values().stream().filter(g -> g.size() > 1).flatMap(List::stream).toList());
        for (List<String> group : groups.values()) {
            if (group.size() < 2) {
                continue;
            }
            String oldest = group.stream().min(OLDEST_FIRST).orElseThrow();
            List<String> younger = group.stream().filter(k -> !k.equals(oldest)).toList();
            jdbc.sql("""
                            UPDATE asterisk_linkedids SET call_key = :oldest
                            WHERE account_id = :account AND call_key = ANY(CAST(:younger AS text[]))""")
                    .param("oldest", oldest)
                    .param("account", accountId)
                    .param("younger", younger.toArray(String[]::new))
                    .update();
            intake.merge(accountId, SourceKind.ASTERISK, younger, oldest);
        }
    }

    private void lock(long accountId) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended('asterisk-groups:' || :account, 0))")
                .param("account", accountId)
                .query((rs, n) -> 0).list();
    }

    private static void union(Map<String, String> parent, String a, String b) {
        parent.putIfAbsent(a, a);
        parent.putIfAbsent(b, b);
        String ra = find(parent, a);
        String rb = find(parent, b);
        if (!ra.equals(rb)) {
            parent.put(ra, rb);
        }
    }

    private static String find(Map<String, String> parent, String k) {
        String p = parent.get(k);
        return p.equals(k) ? k : find(parent, p);
    }

    private static long[] numbers(String id) {
        Matcher m = UNIQUEID.matcher(id);
        return m.find() ? new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2))}
                : new long[] {Long.MAX_VALUE, Long.MAX_VALUE};
    }
}
