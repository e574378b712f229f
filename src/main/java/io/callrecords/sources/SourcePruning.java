package io.callrecords.sources;

import java.time.Instant;

/**
 * What a source keeps beside its raw documents (Asterisk's channel and linkedid groups) and must drop with them:
 * {@link RawDocumentRetention} calls it after deleting an account's old documents of the source.
 */
public interface SourcePruning {

    SourceKind kind();

    /**
     * Deletes the source's own rows for calls whose documents are all gone, kept no later than {@code cutoff} (rows
     * newer than the retention belong to calls whose documents may still be on their way).
     *
     * @return how many rows were deleted
     */
    int prune(long accountId, Instant cutoff);
}
