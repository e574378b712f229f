package io.callrecords.sources;

import io.callrecords.people.DirectoryRefs;
import io.callrecords.people.EntryKind;
import java.util.HashMap;
import java.util.Map;

/** {@link DirectoryIds} through the account's directory, asking once per ref within one translation. */
final class ResolvingDirectoryIds implements DirectoryIds {

    private record Key(EntryKind kind, String ref) {}

    private final DirectoryRefs refs;
    private final long accountId;
    private final SourceKind source;
    private final Map<Key, Long> known = new HashMap<>();

    ResolvingDirectoryIds(DirectoryRefs refs, long accountId, SourceKind source) {
        this.refs = refs;
        this.accountId = accountId;
        this.source = source;
    }

    @Override
    public long id(EntryKind kind, String ref, String name) {
        return known.computeIfAbsent(new Key(kind, ref),
                k -> refs.resolve(accountId, kind, source.wire(), ref, name));
    }
}
