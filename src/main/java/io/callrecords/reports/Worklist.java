package io.callrecords.reports;

import io.callrecords.directory.Directory;
import io.callrecords.shared.Timestamps;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads the missed-call worklist (reports.md "Missed-call worklist"): pages of lines, and the line of one number. */
@Service
class Worklist {

    /** One page of lines, the number of all lines that match, and the cursor of the next page (null after the last). */
    record Page(List<WorklistLine> lines, long count, WorklistCursor next) {}

    private final JdbcClient jdbc;
    private final Directory directory;

    Worklist(JdbcClient jdbc, Directory directory) {
        this.jdbc = jdbc;
        this.directory = directory;
    }

    /**
     * A first page that holds every match is its own count; any other page also counts. Planned for the request's own
     * period and account: a generic plan, which a prepared statement gets after five runs, could not tell a month of
     * 35,000 unreturned calls from 200,000 missed ones and took the larger index (the count: 23 ms → 35–65 ms).
     */
    @Transactional(readOnly = true)
    Page page(long accountId, Long ownUser, WorklistRequest request) {
        jdbc.sql("SET LOCAL plan_cache_mode = force_custom_plan").update();
        record Keyed(WorklistLine line, WorklistCursor key) {}
        WorklistSql.Statement page = WorklistSql.page(accountId, ownUser, request);
        List<Keyed> rows = jdbc.sql(page.sql()).params(page.params())
                .query((rs, n) -> new Keyed(WorklistLine.map(rs), new WorklistCursor(request.status(),
                        Timestamps.fromDb(rs, "key_at"), rs.getObject("key_uuid", UUID.class))))
                .list();
        boolean more = rows.size() > request.limit();
        List<Keyed> served = more ? rows.subList(0, request.limit()) : rows;
        long count = !more && request.cursor() == null ? served.size() : count(accountId, ownUser, request);
        return new Page(named(accountId, served.stream().map(Keyed::line).toList()), count,
                more ? served.getLast().key() : null);
    }

    /** The number's line over the period; empty when none of its missed calls falls in it. */
    Optional<WorklistLine> line(long accountId, Long ownUser, String number, ReportPeriod period) {
        WorklistSql.Statement line = WorklistSql.line(accountId, ownUser, number, period);
        return named(accountId, jdbc.sql(line.sql()).params(line.params()).query((rs, n) -> WorklistLine.map(rs)).list())
                .stream().findFirst();
    }

    /** Whether the number ever missed a call the worklist counts (denylisted calls are not its business). */
    boolean hasMissedCalls(long accountId, Long ownUser, String number) {
        WorklistSql.Statement any = WorklistSql.anyMissedCall(accountId, ownUser, number);
        return jdbc.sql(any.sql()).params(any.params()).query(Boolean.class).single();
    }

    private long count(long accountId, Long ownUser, WorklistRequest request) {
        WorklistSql.Statement count = WorklistSql.count(accountId, ownUser, request);
        return jdbc.sql(count.sql()).params(count.params()).query(Long.class).single();
    }

    /** The lines with the names of their contacts and companies, asked of the directory in one query. */
    private List<WorklistLine> named(long accountId, List<WorklistLine> lines) {
        Directory.Names names = directory.names(accountId,
                lines.stream().map(WorklistLine::contactId).filter(Objects::nonNull).toList(),
                lines.stream().map(WorklistLine::companyId).filter(Objects::nonNull).toList());
        return lines.stream().map(line -> line.named(names)).toList();
    }
}
