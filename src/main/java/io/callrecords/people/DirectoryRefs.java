package io.callrecords.people;

import io.callrecords.shared.NameFields;
import io.callrecords.accounts.AccountSettingsService;
import io.callrecords.shared.FieldErrors;
import io.callrecords.shared.ValidationException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How a phone system's own identifiers become directory ids (directory.md, "Source references"): the same (account,
 * kind, source, ref) always gives the same id, creating the entry with a readable name the first time.
 *
 * <p>One id even when two requests meet a new ref at once: the ref is claimed (inserted) before the entry, and the
 * primary key of {@code external_refs} decides; the transaction that loses waits for the winner, finds the ref taken
 * and creates nothing (its entry was never inserted). The id it had taken is skipped, as ids are never reused.
 *
 * <p>Extensions are not resolvable: an extension leads to a user, team or greeting, which a ref does not say. A
 * connector resolves the user (or team) instead, or an administrator creates the extension with its refs.
 */
@Service
public class DirectoryRefs {

    /** The entry a ref names, and whether this call created it. */
    record Resolved(Entry entry, boolean created) {}

    private final Entries entries;
    private final DirectoryIds ids;
    private final DirectoryEntries directory;
    private final AccountSettingsService settings;

    DirectoryRefs(Entries entries, DirectoryIds ids, DirectoryEntries directory, AccountSettingsService settings) {
        this.entries = entries;
        this.ids = ids;
        this.directory = directory;
        this.settings = settings;
    }

    /**
     * The id of the account's entry of this kind that the ref names, creating it (named {@code defaultName}, or the
     * kind and the ref when null) when the ref is new.
     *
     * @throws ValidationException when the ref or name breaks the rules, the kind is {@link EntryKind#EXTENSION}, or
     *                             (numbers) the ref is not a phone number
     */
    @Transactional
    public long resolve(long accountId, EntryKind kind, String source, String ref, String defaultName) {
        checkRef(kind, source, ref);
        // A known ref, the common case of a source translating its calls, is one query: only the id is needed.
        Optional<Entries.RefHolder> holder = entries.refHolder(accountId, kind,
                new Entry.ExternalRef(source.strip(), ref.strip()));
        if (holder.isPresent()) {
            if (!holder.get().live()) {
                throw deleted(kind, holder.get().id());
            }
            return holder.get().id();
        }
        return resolveEntry(accountId, kind, source, ref, defaultName).entry().id();
    }

    private static void checkRef(EntryKind kind, String source, String ref) {
        FieldErrors errors = new FieldErrors();
        if (kind == EntryKind.EXTENSION) {
            errors.add("resource_type", "extension refs are not resolvable: an extension needs a target; resolve the"
                    + " user, team or greeting, or create the extension with its external_refs");
        }
        String problem = EntryFields.refProblem(source, ref);
        if (problem != null) {
            errors.add(problem.startsWith("a source") ? "source" : "ref", problem);
        }
        errors.throwIfAny();
    }

    private static ValidationException deleted(EntryKind kind, long id) {
        return ValidationException.of("ref", "names " + DirectoryEntries.words(kind) + " " + id + ", which was deleted");
    }

    @Transactional
    Resolved resolveEntry(long accountId, EntryKind kind, String source, String ref, String defaultName) {
        checkRef(kind, source, ref);
        FieldErrors errors = new FieldErrors();
        Entry.ExternalRef key = new Entry.ExternalRef(source.strip(), ref.strip());
        Optional<Entry> known = existing(accountId, kind, key);
        if (known.isPresent()) {
            return new Resolved(known.get(), false);
        }
        Map<String, Object> body = defaults(kind, key, defaultName);
        Draft draft = EntryShape.of(kind).read(body, null, "", region(accountId), errors);
        if (errors.asMap().containsKey("number")) {
            throw ValidationException.of("ref", "a number's ref is its phone number (E.164): "
                    + String.join("; ", errors.asMap().get("number")));
        }
        errors.throwIfAny();
        long id = ids.take(accountId, kind, 1, 0);
        if (!entries.claimRef(accountId, kind, key, id)) {
            return new Resolved(existing(accountId, kind, key).orElseThrow(), false);
        }
        entries.insert(accountId, kind, id, draft.fields());
        return new Resolved(entries.find(accountId, kind, id).orElseThrow(), true);
    }

    /** The live entry the ref names; a ref of a deleted entry still names it, and resolves to nothing live. */
    private Optional<Entry> existing(long accountId, EntryKind kind, Entry.ExternalRef key) {
        Long id = entries.refHolders(accountId, kind, List.of(key)).get(key);
        if (id == null) {
            return Optional.empty();
        }
        return Optional.of(entries.find(accountId, kind, id).orElseThrow(() -> deleted(kind, id)));
    }

    private static Map<String, Object> defaults(EntryKind kind, Entry.ExternalRef key, String defaultName) {
        Map<String, Object> body = new LinkedHashMap<>();
        String kindWords = DirectoryEntries.words(kind);
        String fallback = Character.toUpperCase(kindWords.charAt(0)) + kindWords.substring(1) + " " + key.ref();
        String name = defaultName != null && !defaultName.isBlank() ? defaultName
                : fallback.length() > NameFields.MAX_NAME_LENGTH ? fallback.substring(0, NameFields.MAX_NAME_LENGTH) : fallback;
        body.put("name", name);
        switch (kind) {
            case NUMBER -> body.put("number", key.ref());
            case VOICEMAIL_BOX -> body.put("type", "account");
            default -> {
            }
        }
        return body;
    }

    private String region(long accountId) {
        return settings.current(accountId).settings().defaultRegion();
    }
}
