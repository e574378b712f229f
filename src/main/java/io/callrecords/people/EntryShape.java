package io.callrecords.people;

import io.callrecords.shared.NameFields;
import io.callrecords.shared.FieldErrors;
import io.callrecords.shared.ImportRows;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the entries of one kind are made of: their columns (named as on the wire) with the rule of each, how the
 * list's {@code q} matches them, and the columns of their CSV import. The service and the store read every kind
 * through this, so that the six kinds share one way of reading, checking and storing.
 */
final class EntryShape {

    /** Reads one raw JSON value of the column ({@code region} is the account's default_region, for numbers). */
    @FunctionalInterface
    interface Rule {
        Object read(Object value, String field, String region, FieldErrors errors);
    }

    record Column(String name, Rule rule) {}

    static final List<String> GREETING_KINDS = List.of("greeting", "smart_ivr", "external_manager", "speed_dial");
    static final List<String> TARGET_TYPES = List.of("user", "team", "greeting");

    private static final Map<EntryKind, EntryShape> SHAPES = new EnumMap<>(EntryKind.class);

    static {
        Column name = new Column("name", (v, f, r, e) -> NameFields.name(v, f, e));
        SHAPES.put(EntryKind.USER, new EntryShape(EntryKind.USER, List.of(name,
                new Column("full_name", (v, f, r, e) -> EntryFields.text(v, f, e)),
                new Column("email", (v, f, r, e) -> NameFields.email(v, f, e)),
                new Column("title", (v, f, r, e) -> EntryFields.text(v, f, e)),
                new Column("status", (v, f, r, e) -> EntryFields.oneOf(v, List.of("active", "inactive"), "active", f, e)),
                new Column("default_number_id", (v, f, r, e) -> EntryFields.id(v, "a number", f, e)),
                new Column("default_extension_id", (v, f, r, e) -> EntryFields.id(v, "an extension", f, e)),
                new Column("role", (v, f, r, e) -> EntryFields.role(v, f, e)),
                new Column("locale", (v, f, r, e) -> EntryFields.text(v, f, e))),
                "(c.name ILIKE :name OR c.email ILIKE :name)"));
        SHAPES.put(EntryKind.TEAM, new EntryShape(EntryKind.TEAM, List.of(name,
                new Column("strategy", (v, f, r, e) -> EntryFields.text(v, f, e)),
                new Column("wrap_up_time", (v, f, r, e) -> EntryFields.seconds(v, f, e)),
                new Column("state", (v, f, r, e) -> EntryFields.text(v, f, e))),
                "c.name ILIKE :name"));
        SHAPES.put(EntryKind.NUMBER, new EntryShape(EntryKind.NUMBER, List.of(name,
                new Column("number", (v, f, r, e) -> EntryFields.e164(v, r, f, e))),
                "(c.name ILIKE :name OR c.number LIKE :digits)"));
        SHAPES.put(EntryKind.GREETING, new EntryShape(EntryKind.GREETING, List.of(name,
                new Column("kind", (v, f, r, e) -> EntryFields.oneOf(v, GREETING_KINDS, "greeting", f, e))),
                "c.name ILIKE :name"));
        SHAPES.put(EntryKind.EXTENSION, new EntryShape(EntryKind.EXTENSION, List.of(
                new Column("number", (v, f, r, e) -> EntryFields.extensionNumber(v, f, e)),
                new Column("target_type", (v, f, r, e) -> EntryFields.oneOf(v, TARGET_TYPES, null, f, e)),
                new Column("target_id", (v, f, r, e) -> {
                    if (v == null) {
                        e.add(f, "is required: the id of the user, team or greeting the extension leads to");
                    }
                    return EntryFields.id(v, "a user, team or greeting", f, e);
                })),
                "c.number ILIKE :name"));
        SHAPES.put(EntryKind.VOICEMAIL_BOX, new EntryShape(EntryKind.VOICEMAIL_BOX, List.of(name,
                new Column("type", (v, f, r, e) -> EntryFields.oneOf(v, List.of("user", "account"), null, f, e)),
                new Column("user_id", (v, f, r, e) -> EntryFields.id(v, "a user", f, e))),
                "c.name ILIKE :name"));
    }

    final EntryKind kind;
    final List<Column> columns;
    /** The condition on an entry aliased {@code c} that matches {@code q} ({@code :name}, {@code :digits}). */
    final String search;

    private EntryShape(EntryKind kind, List<Column> columns, String search) {
        this.kind = kind;
        this.columns = columns;
        this.search = search;
    }

    static EntryShape of(EntryKind kind) {
        return SHAPES.get(kind);
    }

    /** The columns of a CSV import: the required first, then the others, the id and the refs (teams: members). */
    List<String> csvColumns() {
        List<String> names = new java.util.ArrayList<>(columns.stream().map(Column::name).toList());
        if (kind == EntryKind.TEAM) {
            names.add("members");
        }
        names.add("id");
        names.add("external_refs");
        return names;
    }

    /**
     * The JSON value of a CSV cell: ids as numbers, members split at {@code ;}, refs as {@code source:ref} split at
     * {@code ;}.
     */
    static Object csvCell(String column, String cell) {
        return switch (column) {
            case "id", "default_number_id", "default_extension_id", "target_id", "user_id", "wrap_up_time" ->
                    ImportRows.id(cell);
            case "members" -> ImportRows.list(cell).stream().map(ImportRows::id).toList();
            case "external_refs" -> ImportRows.list(cell).stream().map(EntryShape::ref).toList();
            default -> cell;
        };
    }

    private static Object ref(String pair) {
        int colon = pair.indexOf(':');
        if (colon < 0) {
            return pair; // not a pair: the reader names it
        }
        Map<String, Object> ref = new LinkedHashMap<>();
        ref.put("source", pair.substring(0, colon).strip());
        ref.put("ref", pair.substring(colon + 1).strip());
        return ref;
    }

    /** Reads a new entry ({@code current} null) or a change of {@code current}; every problem goes to errors. */
    Draft read(Map<?, ?> body, Entry current, String prefix, String region, FieldErrors errors) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (Column column : columns) {
            if (current != null && !body.containsKey(column.name())) {
                fields.put(column.name(), current.fields().get(column.name()));
            } else {
                fields.put(column.name(), column.rule().read(body.get(column.name()), prefix + column.name(), region, errors));
            }
        }
        Long id = current != null ? Long.valueOf(current.id()) : EntryFields.newId(body.get("id"), prefix + "id", errors);
        List<Long> members = kind == EntryKind.TEAM && (current == null || body.containsKey("members"))
                ? EntryFields.members(body.get("members"), prefix + "members", errors) : null;
        List<Entry.ExternalRef> refs = current == null || body.containsKey("external_refs")
                ? EntryFields.refs(body.get("external_refs"), prefix + "external_refs", errors) : null;
        boolean setsPassword = kind == EntryKind.USER && body.containsKey("password");
        String password = setsPassword ? EntryFields.password(body.get("password"), prefix + "password", errors) : null;
        return new Draft(id, fields, members, refs, setsPassword, password, prefix);
    }
}
