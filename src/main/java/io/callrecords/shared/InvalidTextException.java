package io.callrecords.shared;

import tools.jackson.core.JsonParser;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.databind.DatabindException;

/**
 * A JSON body holds text that breaks {@link Text}'s rule. {@link #path()} names where, relative to the body:
 * {@code .detail.channel_type}, {@code [3].name}, or empty for the body itself; each reader of a body puts its own
 * name in front ({@code events[0].detail.channel_type}).
 */
public final class InvalidTextException extends DatabindException {

    private final String path;
    private final String problem;

    InvalidTextException(JsonParser parser, String path, String problem) {
        super(parser, "Text at '" + path + "' " + problem);
        this.path = path;
        this.problem = problem;
    }

    /** For a string value: where the parser stands, the value's own name last. */
    static InvalidTextException ofValue(JsonParser parser, String problem) {
        return new InvalidTextException(parser, path(parser.streamReadContext()), problem);
    }

    /** For a property name: the object that holds it (the name itself may be unprintable). */
    static InvalidTextException ofName(JsonParser parser, String problem) {
        TokenStreamContext object = parser.streamReadContext();
        return new InvalidTextException(parser, path(object.getParent()), "has a property name that " + problem);
    }

    public String path() {
        return path;
    }

    public String problem() {
        return problem;
    }

    /** The field name for an error body: the path under {@code prefix} ({@code events[0]}, or none). */
    public String field(String prefix) {
        String field = prefix + path;
        field = field.startsWith(".") ? field.substring(1) : field;
        return field.isEmpty() ? "body" : field;
    }

    /** The 422 that names the field under {@code prefix}. */
    public ValidationException toValidation(String prefix) {
        return ValidationException.of(field(prefix), problem);
    }

    private static String path(TokenStreamContext context) {
        StringBuilder path = new StringBuilder();
        for (TokenStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                path.insert(0, "[" + c.getCurrentIndex() + "]");
            } else if (c.currentName() != null) {
                path.insert(0, "." + c.currentName());
            }
        }
        return path.toString();
    }

    /** Finds one in a failure's causes (Spring wraps what Jackson throws). */
    public static InvalidTextException in(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof InvalidTextException invalid) {
                return invalid;
            }
        }
        return null;
    }
}
