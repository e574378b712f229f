package io.callrecords.sources;

import java.util.List;
import org.springframework.stereotype.Service;

/** What a source's page shows: the latest documents received and the calls they made, problems included. */
@Service
public class SourceActivity {

    private final SourceDocuments documents;
    private final SourceCalls calls;

    SourceActivity(SourceDocuments documents, SourceCalls calls) {
        this.documents = documents;
        this.calls = calls;
    }

    /** The account's latest documents of the source, newest first. */
    public List<SourceDocument> recentDocuments(long accountId, SourceKind source, int limit) {
        return documents.recent(accountId, source, limit);
    }

    /** The account's calls of the source with the newest documents first. */
    public List<SourceCall> recentCalls(long accountId, SourceKind source, int limit) {
        return calls.recent(accountId, source, limit);
    }
}
