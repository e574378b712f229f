package io.callrecords.people;

import io.callrecords.accounts.Role;
import io.callrecords.shared.FieldErrors;
import io.callrecords.shared.PhoneNumbers;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules of the directory's fields, for single requests and imports alike. Each reader takes the raw JSON value
 * and the name to report problems under ({@code name}, {@code rows[3].name}); a value that breaks the rule is
 * reported and read as null.
 */
final class EntryFields {

    static final int MAX_TEXT_LENGTH = 200;
    static final int MAX_MEMBERS = 5_000;
    static final int MAX_REFS = 20;
    static final int MAX_SOURCE_LENGTH = 64;
    static final int MAX_REF_LENGTH = 255;

    private static final Pattern EXTENSION = Pattern.compile("[0-9*#]{1,32}");

    private EntryFields() {}

    /** Optional text: null or blank means none. */
    static String text(Object value, String field, FieldErrors errors) {
        if (value == null || value instanceof String s && s.isBlank()) {
            return null;
        }
        if (value instanceof String text && text.strip().length() <= MAX_TEXT_LENGTH) {
            return text.strip();
        }
        errors.add(field, "must be text of at most " + MAX_TEXT_LENGTH + " characters, or null");
        return null;
    }

    /** One of {@code allowed}; {@code fallback} when absent (null fallback: required). */
    static String oneOf(Object value, List<String> allowed, String fallback, String field, FieldErrors errors) {
        if (value == null && fallback != null) {
            return fallback;
        }
        if (value instanceof String s && allowed.contains(s.strip())) {
            return s.strip();
        }
        errors.add(field, (value == null ? "is required: " : "must be ") + "one of " + String.join(", ", allowed));
        return null;
    }

    static String role(Object value, String field, FieldErrors errors) {
        if (value == null) {
            return Role.AGENT.wire();
        }
        if (value instanceof String s && Role.fromWire(s.strip()).isPresent()) {
            return s.strip();
        }
        errors.add(field, "must be one of admin, supervisor, agent");
        return null;
    }

    /** Optional: the id of another entry (whether the account has it is the caller's check). */
    static Long id(Object value, String what, String field, FieldErrors errors) {
        if (value == null) {
            return null;
        }
        if ((value instanceof Integer || value instanceof Long) && ((Number) value).longValue() > 0) {
            return ((Number) value).longValue();
        }
        errors.add(field, "must be the id of " + what + " (a whole number above 0) or null");
        return null;
    }

    static Integer seconds(Object value, String field, FieldErrors errors) {
        if (value == null) {
            return null;
        }
        if ((value instanceof Integer || value instanceof Long) && ((Number) value).longValue() >= 0
                && ((Number) value).longValue() <= 86_400) {
            return ((Number) value).intValue();
        }
        errors.add(field, "must be a whole number of seconds from 0 to 86400, or null");
        return null;
    }

    /** Required: an E.164 number, or a national one of the account's {@code defaultRegion}, stored as E.164. */
    static String e164(Object value, String defaultRegion, String field, FieldErrors errors) {
        if (!(value instanceof String raw) || raw.isBlank()) {
            errors.add(field, "is required: a phone number in E.164 (+908502010000)");
            return null;
        }
        return switch (PhoneNumbers.normalise(raw, defaultRegion)) {
            case PhoneNumbers.E164 e164 -> e164.number();
            case PhoneNumbers.Extension extension -> {
                errors.add(field, "'" + extension.number() + "' is an extension: the account's numbers are E.164"
                        + " (+908502010000) or national numbers of the account's default_region");
                yield null;
            }
            case PhoneNumbers.Malformed malformed -> {
                errors.add(field, "'" + raw + "' " + malformed.reason());
                yield null;
            }
        };
    }

    /** Required: the short internal number of an extension ("1001"): 1 to 32 digits, * or #. */
    static String extensionNumber(Object value, String field, FieldErrors errors) {
        Object text = value instanceof Integer || value instanceof Long ? value.toString() : value;
        if (text instanceof String number && EXTENSION.matcher(number.strip()).matches()) {
            return number.strip();
        }
        errors.add(field, "is required: 1 to 32 digits, * or # (\"1001\")");
        return null;
    }

    /** A team's members: the ids of users, each once, in the order given. */
    static List<Long> members(Object value, String field, FieldErrors errors) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            errors.add(field, "must be an array of user ids");
            return List.of();
        }
        Set<Long> ids = new LinkedHashSet<>();
        for (Object item : list) {
            if ((item instanceof Integer || item instanceof Long) && ((Number) item).longValue() > 0) {
                ids.add(((Number) item).longValue());
            } else {
                errors.add(field, item + " is not the id of a user (a whole number above 0)");
            }
        }
        if (ids.size() > MAX_MEMBERS) {
            errors.add(field, "has " + ids.size() + " members; a team has at most " + MAX_MEMBERS);
        }
        return new ArrayList<>(ids);
    }

    /** {@code [{"source": "freeswitch", "ref": "1001@pbx.example"}]}, each pair once. */
    static List<Entry.ExternalRef> refs(Object value, String field, FieldErrors errors) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            errors.add(field, "must be an array of {\"source\", \"ref\"}");
            return List.of();
        }
        Set<Entry.ExternalRef> refs = new LinkedHashSet<>();
        for (Object item : list) {
            if (item instanceof java.util.Map<?, ?> map && map.get("source") instanceof String source
                    && map.get("ref") instanceof String ref) {
                String problem = refProblem(source, ref);
                if (problem == null) {
                    refs.add(new Entry.ExternalRef(source.strip(), ref.strip()));
                } else {
                    errors.add(field, problem);
                }
            } else {
                errors.add(field, "each item must be {\"source\": \"...\", \"ref\": \"...\"}");
            }
        }
        if (refs.size() > MAX_REFS) {
            errors.add(field, "has " + refs.size() + " refs; an entry has at most " + MAX_REFS);
        }
        return new ArrayList<>(refs);
    }

    /** Why a (source, ref) pair cannot be stored, or null. */
    static String refProblem(String source, String ref) {
        if (source == null || source.isBlank() || source.strip().length() > MAX_SOURCE_LENGTH) {
            return "a source is 1 to " + MAX_SOURCE_LENGTH + " characters";
        }
        if (ref == null || ref.isBlank() || ref.strip().length() > MAX_REF_LENGTH) {
            return "a ref is 1 to " + MAX_REF_LENGTH + " characters";
        }
        return null;
    }

    /** The explicit id of a new entry: absent, or a whole number above 0. */
    static Long newId(Object value, String field, FieldErrors errors) {
        if (value == null) {
            return null;
        }
        if ((value instanceof Integer || value instanceof Long) && ((Number) value).longValue() > 0) {
            return ((Number) value).longValue();
        }
        errors.add(field, "must be a whole number above 0, or absent to take the next id");
        return null;
    }

    /** A new password as given (its rules are checked with the user's name and email). */
    static String password(Object value, String field, FieldErrors errors) {
        if (value == null || value instanceof String) {
            return (String) value;
        }
        errors.add(field, "must be text, or null to remove the sign-in");
        return null;
    }
}
