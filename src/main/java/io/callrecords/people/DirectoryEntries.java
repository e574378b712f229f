package io.callrecords.people;

import io.callrecords.accounts.AccountSettingsService;
import io.callrecords.accounts.Passwords;
import io.callrecords.shared.ApiException;
import io.callrecords.shared.FieldErrors;
import io.callrecords.shared.ImportRows;
import io.callrecords.shared.ListQuery;
import io.callrecords.shared.Page;
import io.callrecords.shared.ValidationException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes and reads the account's directory, every kind alike. Every change is checked whole first (a 422 names every
 * problem: field rules, ids of the account that do not exist or were deleted, numbers and refs already taken, a
 * user's sign-in) and applied in one transaction. Another account's id is exactly as unknown as a missing one.
 */
@Service
class DirectoryEntries {

    private final Entries entries;
    private final DirectoryIds ids;
    private final Passwords passwords;
    private final AccountSettingsService settings;

    DirectoryEntries(Entries entries, DirectoryIds ids, Passwords passwords, AccountSettingsService settings) {
        this.entries = entries;
        this.ids = ids;
        this.passwords = passwords;
        this.settings = settings;
    }

    @Transactional
    Entry create(long accountId, EntryKind kind, Map<String, Object> body) {
        FieldErrors errors = new FieldErrors();
        Draft draft = EntryShape.of(kind).read(body, null, "", region(accountId), errors);
        long id = insert(accountId, kind, List.of(draft), errors).getFirst();
        return entries.find(accountId, kind, id).orElseThrow();
    }

    @Transactional(readOnly = true)
    Entry get(long accountId, EntryKind kind, long id) {
        return entries.find(accountId, kind, id).orElseThrow(ApiException::notFound);
    }

    @Transactional(readOnly = true)
    Page<Entry> list(long accountId, EntryKind kind, ListQuery query) {
        return entries.list(accountId, kind, query);
    }

    /** Any subset of the fields; a patch that changes nothing leaves the entry (and its updated_at) as it was. */
    @Transactional
    Entry update(long accountId, EntryKind kind, long id, Map<String, Object> patch) {
        Entry current = entries.lock(accountId, kind, id).orElseThrow(ApiException::notFound);
        FieldErrors errors = new FieldErrors();
        Draft draft = EntryShape.of(kind).read(patch, current, "", region(accountId), errors);
        check(accountId, kind, List.of(draft), current, errors);
        errors.throwIfAny();
        if (!draft.fields().equals(current.fields())) {
            guarded(draft, () -> entries.update(accountId, kind, id, draft.fields()));
        }
        if (draft.members() != null && !draft.members().equals(current.members())) {
            entries.replaceMembers(accountId, id, draft.members());
        }
        if (draft.refs() != null && !Set.copyOf(draft.refs()).equals(Set.copyOf(current.externalRefs()))) {
            entries.replaceRefs(accountId, kind, id, draft.refs());
        }
        if (draft.setsPassword()) {
            String hash = draft.password() == null ? null : passwords.hash(draft.password());
            guarded(draft, () -> entries.setPasswordHash(accountId, id, hash));
        }
        return entries.find(accountId, kind, id).orElseThrow();
    }

    /** Deletes the entry (it keeps its id and name for old calls) and answers it as it was. */
    @Transactional
    Entry delete(long accountId, EntryKind kind, long id) {
        Entry entry = entries.lock(accountId, kind, id).orElseThrow(ApiException::notFound);
        entries.delete(accountId, kind, id);
        return entry;
    }

    /** All or nothing: every row valid, or a 422 naming each bad row's fields ({@code rows[3].name}). */
    @Transactional
    int importRows(long accountId, EntryKind kind, List<Object> rows) {
        FieldErrors errors = new FieldErrors();
        String region = region(accountId);
        List<Draft> drafts = ImportRows.read(rows, (row, prefix) -> {
            Draft draft = EntryShape.of(kind).read(row, null, prefix, region, errors);
            if (draft.setsPassword()) {
                errors.add(prefix + "password", "is not taken by an import: set it with POST /api/v3/users"
                        + " or PATCH /api/v3/users/{id}");
            }
            return draft;
        }, errors);
        return insert(accountId, kind, drafts, errors).size();
    }

    /** A team's members, in order. */
    @Transactional(readOnly = true)
    List<Long> members(long accountId, long teamId) {
        return get(accountId, EntryKind.TEAM, teamId).members();
    }

    /** {@code {"members": [user ids]}} replaces the team's members. */
    @Transactional
    List<Long> replaceMembers(long accountId, long teamId, Map<String, Object> body) {
        Map<String, Object> patch = new HashMap<>();
        patch.put("members", body.get("members"));
        if (!body.containsKey("members")) {
            throw ValidationException.of("members", "is required: an array of user ids");
        }
        return update(accountId, EntryKind.TEAM, teamId, patch).members();
    }

    /**
     * Checks and stores new entries (nulls are rows that could not be read, already reported) and returns their ids
     * in order.
     */
    List<Long> insert(long accountId, EntryKind kind, List<Draft> drafts, FieldErrors errors) {
        check(accountId, kind, drafts, null, errors);
        errors.throwIfAny();
        long explicitMax = drafts.stream().map(Draft::id).filter(Objects::nonNull).mapToLong(Long::longValue).max().orElse(0);
        int automatic = (int) drafts.stream().filter(d -> d.id() == null).count();
        long next = ids.take(accountId, kind, automatic, explicitMax);
        List<Long> created = new ArrayList<>(drafts.size());
        for (Draft draft : drafts) {
            long id = draft.id() != null ? draft.id() : next++;
            guarded(draft, () -> entries.insert(accountId, kind, id, draft.fields()));
            if (draft.members() != null && !draft.members().isEmpty()) {
                entries.replaceMembers(accountId, id, draft.members());
            }
            for (Entry.ExternalRef ref : draft.refs() == null ? List.<Entry.ExternalRef>of() : draft.refs()) {
                if (!entries.claimRef(accountId, kind, ref, id)) {
                    throw ValidationException.of(draft.prefix() + "external_refs", refTaken(ref));
                }
            }
            if (draft.setsPassword() && draft.password() != null) {
                entries.setPasswordHash(accountId, id, passwords.hash(draft.password()));
            }
            created.add(id);
        }
        return created;
    }

    /**
     * The checks that need the database or several fields at once, for new entries ({@code current} null) or the
     * change of {@code current}.
     */
    private void check(long accountId, EntryKind kind, List<Draft> drafts, Entry current, FieldErrors errors) {
        List<Draft> read = drafts.stream().filter(Objects::nonNull).toList();
        References references = new References();
        Map<String, String> firstNumber = new HashMap<>();
        Map<String, String> firstRef = new HashMap<>();
        Map<String, String> firstEmail = new HashMap<>();
        Map<Long, String> firstId = new HashMap<>();
        for (Draft d : read) {
            String p = d.prefix();
            switch (kind) {
                case USER -> {
                    references.add(d, current, "default_number_id", EntryKind.NUMBER);
                    references.add(d, current, "default_extension_id", EntryKind.EXTENSION);
                    checkSignIn(accountId, d, current, firstEmail, errors);
                }
                case TEAM -> {
                    if (d.members() != null) {
                        List<Long> added = d.members().stream()
                                .filter(m -> current == null || !current.members().contains(m)).toList();
                        added.forEach(m -> references.add(p + "members", EntryKind.USER, m));
                    }
                }
                case EXTENSION -> {
                    String type = (String) d.field("target_type");
                    Long target = (Long) d.field("target_id");
                    boolean changed = current == null || !Objects.equals(type, current.text("target_type"))
                            || !Objects.equals(target, current.id("target_id"));
                    if (type != null && target != null && changed) {
                        references.add(p + "target_id", EntryKind.valueOf(type.toUpperCase(Locale.ROOT)), target);
                    }
                }
                case VOICEMAIL_BOX -> {
                    String type = (String) d.field("type");
                    Long user = (Long) d.field("user_id");
                    if ("user".equals(type) && user == null && !errors.asMap().containsKey(p + "user_id")) {
                        errors.add(p + "user_id", "is required when type is user");
                    } else if ("account".equals(type) && user != null) {
                        errors.add(p + "user_id", "must be null when type is account");
                    }
                    references.add(d, current, "user_id", EntryKind.USER);
                }
                default -> {
                }
            }
            if (current == null && d.id() != null) {
                String earlier = firstId.putIfAbsent(d.id(), p + "id");
                if (earlier != null) {
                    errors.add(p + "id", d.id() + " is given twice in this import (also " + earlier + ")");
                }
            }
            if (kind == EntryKind.EXTENSION || kind == EntryKind.NUMBER) {
                String number = (String) d.field("number");
                String earlier = number == null ? null : firstNumber.putIfAbsent(number, p + "number");
                if (earlier != null) {
                    errors.add(p + "number", "'" + number + "' is given twice in this import (also " + earlier + ")");
                }
            }
            for (Entry.ExternalRef ref : d.refs() == null ? List.<Entry.ExternalRef>of() : d.refs()) {
                String earlier = firstRef.putIfAbsent(ref.source() + "\u0000" + ref.ref(), p + "external_refs");
                if (earlier != null) {
                    errors.add(p + "external_refs", "'" + ref.source() + ":" + ref.ref()
                            + "' is given twice in this import (also " + earlier + ")");
                }
            }
        }
        references.check(accountId, errors);
        Long self = current == null ? null : current.id();
        if (current == null) {
            Set<Long> used = entries.used(accountId, kind, firstId.keySet());
            read.stream().filter(d -> d.id() != null && used.contains(d.id())).forEach(d -> errors.add(d.prefix() + "id",
                    d.id() + " is taken: the account has (or had) " + words(kind) + " " + d.id()
                            + "; ids are never given twice"));
        }
        if (kind == EntryKind.EXTENSION || kind == EntryKind.NUMBER) {
            Map<String, Long> holders = entries.holders(accountId, kind, "number", firstNumber.keySet());
            for (Draft d : read) {
                Long holder = holders.get((String) d.field("number"));
                if (holder != null && !holder.equals(self)) {
                    errors.add(d.prefix() + "number", "'" + d.field("number") + "' is already the number of "
                            + words(kind) + " " + holder);
                }
            }
        }
        List<Entry.ExternalRef> refs = read.stream().filter(d -> d.refs() != null).flatMap(d -> d.refs().stream()).toList();
        Map<Entry.ExternalRef, Long> refHolders = entries.refHolders(accountId, kind, refs);
        for (Draft d : read) {
            for (Entry.ExternalRef ref : d.refs() == null ? List.<Entry.ExternalRef>of() : d.refs()) {
                Long holder = refHolders.get(ref);
                if (holder != null && !holder.equals(self)) {
                    errors.add(d.prefix() + "external_refs", refTaken(ref) + " (" + words(kind) + " " + holder + ")");
                }
            }
        }
    }

    /**
     * A user who signs in needs an email that no other live person signing in has (the sign-in form has no
     * account field) and a password that meets {@link Passwords#problem}.
     */
    private void checkSignIn(long accountId, Draft d, Entry current, Map<String, String> firstEmail, FieldErrors errors) {
        boolean signsIn = d.setsPassword() ? d.password() != null : current != null && current.canSignIn();
        if (!signsIn) {
            return;
        }
        String email = (String) d.field("email");
        String p = d.prefix();
        if (d.setsPassword()) {
            passwords.problem(d.password(), (String) d.field("name"), email, (String) d.field("full_name"))
                    .ifPresent(reason -> errors.add(p + "password", reason));
        }
        if (email == null) {
            if (!errors.asMap().containsKey(p + "email")) {
                errors.add(p + "email", "is required for a user who signs in (with a password)");
            }
            return;
        }
        boolean emailChanged = current == null || !email.equalsIgnoreCase(Objects.toString(current.text("email"), ""));
        if (!emailChanged && !(current != null && !current.canSignIn())) {
            return;
        }
        String earlier = firstEmail.putIfAbsent(email.toLowerCase(Locale.ROOT), p + "email");
        if (earlier != null) {
            errors.add(p + "email", "is given twice in this import (also " + earlier + ")");
        } else if (entries.signsIn(email, accountId, current == null ? null : current.id())) {
            errors.add(p + "email", "already signs in: a sign-in email belongs to one person");
        }
    }

    /** Runs a write whose unique indexes a concurrent request may have beaten this one to: a 422, not a 500. */
    private static void guarded(Draft draft, Runnable write) {
        try {
            write.run();
        } catch (DuplicateKeyException e) {
            String message = String.valueOf(e.getMessage());
            String field = message.contains("users_sign_in_email") ? "email"
                    : message.contains("_number") ? "number" : "id";
            throw ValidationException.of(draft.prefix() + field, field.equals("email")
                    ? "already signs in: a sign-in email belongs to one person"
                    : "is taken (by a request made at the same time)");
        }
    }

    private static String refTaken(Entry.ExternalRef ref) {
        return "'" + ref.source() + ":" + ref.ref() + "' already names another entry";
    }

    static String words(EntryKind kind) {
        return kind.wire().replace('_', ' ');
    }

    private String region(long accountId) {
        return settings.current(accountId).settings().defaultRegion();
    }

    /** The ids a request names, with the field each is named in, checked against the account in one query per kind. */
    private final class References {
        private final Map<EntryKind, Map<String, List<Long>>> byKind = new LinkedHashMap<>();

        void add(String field, EntryKind kind, Long id) {
            if (id != null) {
                byKind.computeIfAbsent(kind, k -> new LinkedHashMap<>()).computeIfAbsent(field, f -> new ArrayList<>()).add(id);
            }
        }

        /** The draft's field, when it names an id that it did not name before the change. */
        void add(Draft d, Entry current, String field, EntryKind kind) {
            Long id = (Long) d.field(field);
            if (current == null || !Objects.equals(id, current.id(field))) {
                add(d.prefix() + field, kind, id);
            }
        }

        void check(long accountId, FieldErrors errors) {
            byKind.forEach((kind, fields) -> {
                Set<Long> live = entries.live(accountId, kind, fields.values().stream().flatMap(List::stream).distinct().toList());
                fields.forEach((field, named) -> named.stream().filter(id -> !live.contains(id))
                        .forEach(id -> errors.add(field, words(kind) + " " + id + " does not exist")));
            });
        }
    }
}
