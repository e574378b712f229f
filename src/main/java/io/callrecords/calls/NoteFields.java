package io.callrecords.calls;

import io.callrecords.shared.FieldErrors;
import io.callrecords.shared.Text;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The rules of what people write on calls: comment text, tag names and colours, disposition codes and names. Each
 * reader takes the raw JSON value and the field to name in the 422; it answers null after reporting a problem.
 */
final class NoteFields {

    static final int MAX_COMMENT_LENGTH = 5_000;
    static final int MAX_NAME_LENGTH = 100;
    static final int MAX_DESCRIPTION_LENGTH = 500;
    static final int MAX_CODE_LENGTH = 64;
    /** Letters, digits and {@code _ . : -}: a code is sent in query strings, where a comma separates values. */
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_.:-]{1," + MAX_CODE_LENGTH + "}");
    private static final Pattern COLOR = Pattern.compile("#[0-9a-fA-F]{6}");

    private NoteFields() {}

    /** Required text, not blank, at most {@code max} characters; kept as written but for surrounding blanks. */
    static String text(Object value, String field, int max, FieldErrors errors) {
        if (!(value instanceof String text) || text.isBlank()) {
            errors.add(field, "is required: 1 to " + max + " characters, not only blanks");
            return null;
        }
        String problem = Text.problem(text.strip(), max);
        if (problem != null) {
            errors.add(field, problem);
            return null;
        }
        return text.strip();
    }

    /** Optional text: null, absent or blank is none. */
    static String optionalText(Object value, String field, int max, FieldErrors errors) {
        if (value == null || value instanceof String s && s.isBlank()) {
            return null;
        }
        return text(value, field, max, errors);
    }

    static String color(Object value, String field, FieldErrors errors) {
        if (value instanceof String color && COLOR.matcher(color.strip()).matches()) {
            return color.strip().toLowerCase(Locale.ROOT);
        }
        errors.add(field, "must be a colour as #rrggbb (#025196)");
        return null;
    }

    static String code(Object value, String field, FieldErrors errors) {
        if (value instanceof String code && CODE.matcher(code.strip()).matches()) {
            return code.strip();
        }
        errors.add(field, "must be 1 to " + MAX_CODE_LENGTH + " letters, digits, '_', '.', ':' or '-' (sale_closed)");
        return null;
    }

    /** A positive whole number (an id), or null after reporting it. */
    static Long id(Object value, String field, String what, FieldErrors errors) {
        if ((value instanceof Integer || value instanceof Long) && ((Number) value).longValue() > 0) {
            return ((Number) value).longValue();
        }
        errors.add(field, "must be the id of " + what + " (a whole number)");
        return null;
    }
}
