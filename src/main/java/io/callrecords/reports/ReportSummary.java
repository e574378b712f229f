package io.callrecords.reports;

import io.callrecords.people.DirectoryNames;
import io.callrecords.people.EntryKind;
import io.callrecords.people.EntryNames;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/** The summary report: the measures of a period as a whole and per bucket of its grouping. */
@Service
class ReportSummary {

    /** A bucket: what names it (key, and from/to, weekday/hour or the id it groups by) and its facts. */
    record Bucket(BucketKey key, Facts facts) {}

    record Summary(ReportRequest request, Facts total, List<Bucket> buckets) {}

    private final ReportQueries queries;
    private final DirectoryNames directoryNames;

    ReportSummary(ReportQueries queries, DirectoryNames directoryNames) {
        this.queries = queries;
        this.directoryNames = directoryNames;
    }

    /**
     * One read-only transaction in one snapshot (repeatable read): the total and the buckets add up, and the zone of
     * the day roll-ups is the zone of the days read.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    Summary summarise(long account, Long ownUser, ReportRequest request) {
        ReportGrouping grouping = request.grouping();
        if (grouping == null || !grouping.byTime) {
            Facts total = queries.byTime(account, ownUser, request, TimeBuckets.wholePeriod(request.period().from())).total();
            List<Bucket> buckets = grouping == null ? List.of() : byDimension(account, ownUser, request);
            total.callbacksMade = buckets.stream().mapToLong(b -> b.facts().callbacksMade).sum();
            total.rings = buckets.stream().mapToLong(b -> b.facts().rings).sum();
            total.ringsAnswered = buckets.stream().mapToLong(b -> b.facts().ringsAnswered).sum();
            return new Summary(request, total, buckets);
        }
        TimeBuckets buckets = TimeBuckets.of(grouping, request.period().from(), request.period().to(), request.zone());
        ReportQueries.Sums sums = queries.byTime(account, ownUser, request, buckets);
        List<Bucket> out = new ArrayList<>();
        for (int cell = 1; cell <= buckets.keys().size(); cell++) {
            out.add(new Bucket(buckets.keys().get(cell - 1), sums.of(cell)));
        }
        return new Summary(request, sums.total(), out);
    }

    /**
     * The summary without grouping of a period of whole local days, for everyone but an agent: what {@link #summarise}
     * answers for it, read in one statement ({@link ReportQueries#wholeDays}) without a transaction.
     */
    Summary wholeDays(long account, ReportRequest request, DayRollups.Days days) {
        if (request.grouping() != null) {
            throw new IllegalArgumentException("a summary of whole days has no buckets");
        }
        return new Summary(request, queries.wholeDays(account, request, days), List.of());
    }

    /** The buckets of a user, number or team, each with its name: one names query for them all. */
    private List<Bucket> byDimension(long account, Long ownUser, ReportRequest request) {
        Map<Object, Facts> byBucket = queries.byDimension(account, ownUser, request).byBucket();
        EntryKind kind = switch (request.grouping()) {
            case USER -> EntryKind.USER;
            case NUMBER -> EntryKind.NUMBER;
            case TEAM -> EntryKind.TEAM;
            default -> throw new IllegalStateException("a summary by " + request.grouping() + " has no ids");
        };
        EntryNames names = directoryNames.of(account,
                new EntryNames.Wanted().addAll(kind, byBucket.keySet().stream().map(k -> (Long) k).toList()));
        return byBucket.entrySet().stream()
                .sorted(Map.Entry.comparingByKey(Comparator.nullsLast(Comparator.comparingLong(k -> (Long) k))))
                .map(e -> new Bucket(new BucketKey.Id(Objects.toString(e.getKey(), "none"), (Long) e.getKey(),
                        names.label(kind, (Long) e.getKey())), e.getValue()))
                .toList();
    }
}
