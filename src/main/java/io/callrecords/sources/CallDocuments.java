package io.callrecords.sources;

import java.util.List;
import java.util.UUID;

/**
 * Everything a source sent about one call: the input of its translation.
 *
 * @param callUuid  the uuid the call's record has, fixed by the call key (see {@link CallUuids})
 * @param documents in arrival order
 */
public record CallDocuments(long accountId, SourceKind source, String callKey, UUID callUuid,
                            List<SourceDocument> documents) {

    public CallDocuments {
        documents = List.copyOf(documents);
    }
}
