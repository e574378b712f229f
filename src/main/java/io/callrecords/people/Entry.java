package io.callrecords.people;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One live directory entry as stored: its kind, id, the columns of its kind by wire name ({@link EntryShape}), a
 * team's members in order, whether a user can sign in, and its external refs.
 */
record Entry(EntryKind kind, long id, Map<String, Object> fields, List<Long> members, boolean canSignIn,
             List<ExternalRef> externalRefs, Instant createdAt, Instant updatedAt) {

    /** A phone system's own identifier of an entry: {@code {"source": "freeswitch", "ref": "1001@pbx.example"}}. */
    record ExternalRef(String source, String ref) {}

    String text(String field) {
        return (String) fields.get(field);
    }

    Long id(String field) {
        Object value = fields.get(field);
        return value == null ? null : ((Number) value).longValue();
    }

    Integer whole(String field) {
        Object value = fields.get(field);
        return value == null ? null : ((Number) value).intValue();
    }
}
