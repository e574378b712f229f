package io.callrecords.calls;

import io.callrecords.media.MediaLinks;
import io.callrecords.media.MediaUrls;
import io.callrecords.people.DirectoryNames;
import io.callrecords.people.EntryNames;
import java.util.Map;
import java.util.UUID;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.postgresql.PGStatement;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementCreator;
import org.springframework.jdbc.core.PreparedStatementCreatorFactory;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterUtils;
import org.springframework.jdbc.core.namedparam.ParsedSql;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Streams every record of a list to a writer, with memory that does not grow with the export: rows come from a
 * server-side cursor ({@link #FETCH_SIZE} a round trip, which the PostgreSQL driver does only inside a
 * transaction), in the order of the list's index ({@code call_records_ended_list}, {@code call_records_updated}).
 *
 * <p>Reading and writing overlap: a virtual thread reads the rows in a read-only transaction and hands them on in
 * batches through a short queue, while the request's thread encodes and sends the batch before. PostgreSQL then
 * produces the next rows while the last ones are written, instead of waiting for them.
 */
@Service
class CallExport {

    /** Rows fetched per round trip. */
    static final int FETCH_SIZE = 2_000;
    /** Rows handed over at once, and batches waiting at most: what an export holds in memory (a few MB). */
    private static final int BATCH = 500;
    private static final int QUEUED_BATCHES = 4;
    private static final List<CallRecord> END = List.of();

    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;
    private final MediaLinks mediaLinks;
    private final DispositionCodes dispositionCodes;
    private final DirectoryNames directoryNames;

    CallExport(JdbcTemplate jdbc, PlatformTransactionManager transactions, MediaLinks mediaLinks,
               DispositionCodes dispositionCodes, DirectoryNames directoryNames) {
        this.jdbc = jdbc;
        this.mediaLinks = mediaLinks;
        this.dispositionCodes = dispositionCodes;
        this.directoryNames = directoryNames;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    void export(long accountId, Long ownUser, CallFilter filter, CallSort sort, ExportWriter writer) throws IOException {
        BlockingQueue<List<CallRecord>> batches = new ArrayBlockingQueue<>(QUEUED_BATCHES);
        Reader reader = new Reader(new CallListSql(accountId, ownUser, dispositionCodes.resolve(accountId, filter))
                .all(CallRecordFields.COLUMNS, sort), batches);
        CompletableFuture<Void> reading = CompletableFuture.runAsync(reader, Thread::startVirtualThread);
        try {
            for (List<CallRecord> batch; (batch = next(batches, reading)) != END; ) {
                // Links signed now, one query a batch: valid 4 hours from the moment the export wrote them.
                Map<UUID, MediaUrls> media = mediaLinks.forCalls(accountId, batch.stream().map(CallRecord::uuid).toList());
                // Names the same way, one query a batch: memory stays flat, and a batch's calls share most names.
                EntryNames names = writer.named() ? directoryNames.of(accountId, wanted(batch)) : EntryNames.NONE;
                for (CallRecord record : batch) {
                    writer.accept(CallRecords.withMedia(record, media.getOrDefault(record.uuid(), MediaUrls.NONE)),
                            names);
                }
            }
            reading.join();
        } finally {
            reader.stopped = true; // the client went away or writing failed: the reader stops and rolls back
        }
    }

    private static EntryNames.Wanted wanted(List<CallRecord> batch) {
        EntryNames.Wanted wanted = new EntryNames.Wanted();
        batch.forEach(record -> RecordEntries.addTo(wanted, record));
        return wanted;
    }

    /** The next batch; when the reader failed, its failure. */
    private static List<CallRecord> next(BlockingQueue<List<CallRecord>> batches, CompletableFuture<Void> reading)
            throws IOException {
        try {
            while (true) {
                List<CallRecord> batch = batches.poll(100, TimeUnit.MILLISECONDS);
                if (batch != null) {
                    return batch;
                }
                if (reading.isCompletedExceptionally()) {
                    reading.get();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Export interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
    }

    /** Reads the rows in a read-only transaction and queues them in batches, then {@link #END}. */
    private final class Reader implements Runnable {

        private final CallListSql.Statement statement;
        private final BlockingQueue<List<CallRecord>> batches;
        private volatile boolean stopped;

        Reader(CallListSql.Statement statement, BlockingQueue<List<CallRecord>> batches) {
            this.statement = statement;
            this.batches = batches;
        }

        @Override
        public void run() {
            readOnly.executeWithoutResult(status -> {
                // Read in index order, never sorted: a sort sends nothing before it has read and sorted every match
                // (at 100,000 records it spilled to disk and took twice as long as the index scan, which streams).
                jdbc.execute("SET LOCAL enable_sort = off");
                List<CallRecord> batch = new ArrayList<>(BATCH);
                PreparedStatementCreator query = creator(statement);
                jdbc.query(connection -> {
                    PreparedStatement prepared = query.createPreparedStatement(connection);
                    prepared.setFetchSize(FETCH_SIZE);
                    if (prepared.isWrapperFor(PGStatement.class)) {
                        // rows in PostgreSQL's binary form from the first execution: no time or number is formatted
                        // by the server and parsed again by the driver (measured: a third more rows a second)
                        prepared.unwrap(PGStatement.class).setPrepareThreshold(-1);
                    }
                    return prepared;
                }, (RowCallbackHandler) rs -> {
                    batch.add(CallRecordFields.read(rs));
                    if (batch.size() == BATCH) {
                        hand(new ArrayList<>(batch));
                        batch.clear();
                    }
                });
                hand(new ArrayList<>(batch));
                hand(END);
            });
        }

        private void hand(List<CallRecord> batch) {
            try {
                while (!batches.offer(batch, 100, TimeUnit.MILLISECONDS)) {
                    if (stopped) {
                        throw new UncheckedIOException(new IOException("The export's writer stopped"));
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** The statement with its named parameters bound, as NamedParameterJdbcTemplate would make it. */
    private static PreparedStatementCreator creator(CallListSql.Statement statement) {
        MapSqlParameterSource values = new MapSqlParameterSource(statement.params());
        ParsedSql parsed = NamedParameterUtils.parseSqlStatement(statement.sql());
        return new PreparedStatementCreatorFactory(NamedParameterUtils.substituteNamedParameters(parsed, values),
                NamedParameterUtils.buildSqlParameterList(parsed, values))
                .newPreparedStatementCreator(NamedParameterUtils.buildValueArray(parsed, values, null));
    }
}
