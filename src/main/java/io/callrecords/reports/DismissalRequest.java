package io.callrecords.reports;

import io.callrecords.shared.FieldErrors;
import java.util.Map;

/** The body of {@code POST /api/v3/missed-calls/{number}/dismiss}: {@code {"reason", "note"}}, every problem named. */
record DismissalRequest(String reason, String note) {

    /** Unknown fields are ignored (api.md); a blank note is no note. */
    static DismissalRequest read(Map<String, Object> body) {
        FieldErrors errors = new FieldErrors();
        Object reason = body == null ? null : body.get("reason");
        Object note = body == null ? null : body.get("note");
        if (reason == null) {
            errors.add("reason", "is required: one of " + String.join(", ", Dismissal.REASONS));
        } else if (!Dismissal.REASONS.contains(reason)) {
            errors.add("reason", "'" + reason + "' is not one of " + String.join(", ", Dismissal.REASONS));
        }
        String text = note instanceof String given && !given.isBlank() ? given.strip() : null;
        int length = text == null ? 0 : text.codePointCount(0, text.length());
        if (note != null && !(note instanceof String)) {
            errors.add("note", "must be a string");
        } else if (length > Dismissal.MAX_NOTE_LENGTH) {
            errors.add("note", "is " + length + " characters long; at most " + Dismissal.MAX_NOTE_LENGTH);
        } else if (text == null && Dismissal.OTHER.equals(reason)) {
            errors.add("note", "is required when the reason is other: say why the caller needs no callback");
        }
        errors.throwIfAny();
        return new DismissalRequest((String) reason, text);
    }
}
