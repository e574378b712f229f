package io.callrecords.people;

import java.util.List;
import java.util.Map;

/**
 * An entry as a request gives it, read and checked field by field, before it is stored.
 *
 * @param id           the explicit id of a new entry, or null to take the next one (or the id of the entry changed)
 * @param fields       the columns of the kind by wire name, every one present (null where empty)
 * @param members      a team's members, or null when the request does not set them
 * @param refs         the external refs, or null when the request does not set them
 * @param setsPassword whether the request sets a user's password ({@code password}; null removes the sign-in)
 * @param prefix       what goes before field names in errors: {@code ""} or {@code "rows[3]."}
 */
record Draft(Long id, Map<String, Object> fields, List<Long> members, List<Entry.ExternalRef> refs,
             boolean setsPassword, String password, String prefix) {

    Object field(String name) {
        return fields.get(name);
    }
}
