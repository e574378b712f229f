package io.callrecords.people;

import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The names of directory entries by kind and id, for everything a person reads (pages, the CSV export, report
 * groupings). An id the directory does not know has no name here: the reader shows it as before ("User 11").
 */
public record EntryNames(Map<EntryKind, Map<Long, Name>> names) {

    /**
     * An entry's name; a deleted entry keeps it ("Ayşe Yılmaz (deleted)").
     *
     * @param number an account number's line as people write it ("+90 212 555 01 00"), which says more than its
     *               name alone; null for other kinds
     */
    public record Name(String name, boolean deleted, String number) {

        public Name(String name, boolean deleted) {
            this(name, deleted, null);
        }

        /** The name as a person reads it: "Main line (+90 212 555 01 00)", "Ayşe Yılmaz (deleted)". */
        public String label() {
            String label = number == null ? name : name + " (" + number + ")";
            return deleted ? label + " (deleted)" : label;
        }
    }

    public static final EntryNames NONE = new EntryNames(Map.of());

    public EntryNames {
        Map<EntryKind, Map<Long, Name>> copy = new EnumMap<>(EntryKind.class);
        names.forEach((kind, byId) -> copy.put(kind, Map.copyOf(byId)));
        names = copy;
    }

    /** The label of an entry, or null when the directory has no such entry. */
    public String label(EntryKind kind, Long id) {
        if (id == null) {
            return null;
        }
        Name name = names.getOrDefault(kind, Map.of()).get(id);
        return name == null ? null : name.label();
    }

    /** The ids to look up, gathered kind by kind before one {@link DirectoryNames#of} call. */
    public static final class Wanted {

        private final Map<EntryKind, Set<Long>> ids = new EnumMap<>(EntryKind.class);

        public Wanted add(EntryKind kind, Long id) {
            if (id != null) {
                ids.computeIfAbsent(kind, k -> new java.util.HashSet<>()).add(id);
            }
            return this;
        }

        public Wanted addAll(EntryKind kind, Collection<Long> more) {
            more.stream().filter(Objects::nonNull).forEach(id -> add(kind, id));
            return this;
        }

        boolean isEmpty() {
            return ids.values().stream().allMatch(Set::isEmpty);
        }

        Map<EntryKind, Set<Long>> ids() {
            return new HashMap<>(ids);
        }
    }
}
