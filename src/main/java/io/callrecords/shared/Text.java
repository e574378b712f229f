package io.callrecords.shared;

/**
 * The one rule for text the service takes from outside, wherever it comes from (JSON, CSV, query strings, forms):
 * it is valid Unicode and holds no NUL. JSON can carry both ({@code "\u0000"}, {@code "\ud800"}), but PostgreSQL
 * stores neither: a NUL fails the statement and an unpaired surrogate becomes {@code ?} on the way in, so two
 * different ids would become one. Such text is refused, never repaired.
 */
public final class Text {

    private Text() {}

    /** What is wrong with {@code text} (a phrase to follow the field's name), or null when nothing is. */
    public static String problem(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\0') {
                return "contains a NUL character (\\u0000) at position " + i;
            }
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else {
                    return "is not valid Unicode: an unpaired surrogate (\\u" + Integer.toHexString(c)
                            + ") at position " + i;
                }
            }
        }
        return null;
    }

    /** As {@link #problem(String)}, and longer than {@code maxLength} characters is a problem too. */
    public static String problem(String text, int maxLength) {
        int length = text.codePointCount(0, text.length());
        if (length > maxLength) {
            return "is " + length + " characters long; at most " + maxLength + " are allowed";
        }
        return problem(text);
    }
}
