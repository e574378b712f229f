package io.callrecords.shared;

import java.util.regex.Pattern;

/**
 * The rules of a name and an email in the account's lists (the address book and the directory): a required name of 1
 * to {@value #MAX_NAME_LENGTH} characters, an optional email address. Values are stripped; a problem is added to the
 * errors under the field's name and read as null.
 */
public final class NameFields {

    public static final int MAX_NAME_LENGTH = 200;
    public static final int MAX_EMAIL_LENGTH = 254;

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private NameFields() {}

    public static String name(Object value, String field, FieldErrors errors) {
        if (value instanceof String name && !name.isBlank() && name.strip().length() <= MAX_NAME_LENGTH) {
            return name.strip();
        }
        errors.add(field, "is required: 1 to " + MAX_NAME_LENGTH + " characters");
        return null;
    }

    /** Optional: null or an empty string means none. */
    public static String email(Object value, String field, FieldErrors errors) {
        if (value == null || value instanceof String s && s.isBlank()) {
            return null;
        }
        if (value instanceof String email && email.strip().length() <= MAX_EMAIL_LENGTH
                && EMAIL.matcher(email.strip()).matches()) {
            return email.strip();
        }
        errors.add(field, "must be an email address (name@example.com) of at most " + MAX_EMAIL_LENGTH + " characters");
        return null;
    }
}
