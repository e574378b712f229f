package io.callrecords.people;

import io.callrecords.shared.ValidationException;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * A phone system's extensions listed under {@code /api/v3/extensions} on first sight (issue 18: FreeSWITCH's
 * extensions become users, and their numbers extensions leading to them). Not part of a source's pure translation:
 * a source calls it once per new document, and it creates nothing twice.
 */
@Service
public class SourceExtensions {

    private final DirectoryEntries directory;
    private final Entries entries;

    SourceExtensions(DirectoryEntries directory, Entries entries) {
        this.directory = directory;
        this.entries = entries;
    }

    /** The refs, of those given, that no extension of the account holds yet: one query for a whole batch. */
    public java.util.Set<String> unlisted(long accountId, String source, java.util.Collection<String> refs) {
        java.util.Set<Entry.ExternalRef> held = entries.refHolders(accountId, EntryKind.EXTENSION,
                refs.stream().map(ref -> new Entry.ExternalRef(source, ref)).toList()).keySet();
        java.util.Set<String> unlisted = new java.util.TreeSet<>(refs);
        held.forEach(k -> unlisted.remove(k.ref()));
        return unlisted;
    }

    /**
     * Lists extension {@code number} leading to {@code userId}, with the ref {@code {source, ref}}, unless the ref is
     * known already or the account has an extension of that number (an administrator's, or one of another domain of
     * the same PBX): those are left as they are.
     *
     * @return true when the extension was created now
     */
    public boolean listOnce(long accountId, String source, String ref, String number, long userId) {
        Entry.ExternalRef key = new Entry.ExternalRef(source, ref);
        if (entries.refHolders(accountId, EntryKind.EXTENSION, List.of(key)).containsKey(key)
                || !entries.holders(accountId, EntryKind.EXTENSION, "number", List.of(number)).isEmpty()) {
            return false;
        }
        try {
            directory.create(accountId, EntryKind.EXTENSION, Map.of("number", number, "target_type", "user",
                    "target_id", userId, "external_refs", List.of(Map.of("source", source, "ref", ref))));
            return true;
        } catch (ValidationException raced) {
            // Another request listed it between the look and the insert (the number or the ref is unique).
            return false;
        }
    }
}
