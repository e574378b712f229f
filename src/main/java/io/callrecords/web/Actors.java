package io.callrecords.web;

import io.callrecords.people.EntryKind;
import io.callrecords.people.EntryNames;

/** Who did something, in words: a person by name ("Ayşe Yılmaz", "User 11" when unnamed), else the key used. */
final class Actors {

    private Actors() {}

    static String of(Long apiKeyId, Long userId, EntryNames people) {
        if (userId != null) {
            String name = people.label(EntryKind.USER, userId);
            return name != null ? name : "User " + userId;
        }
        return apiKeyId != null ? "API key " + apiKeyId : "the service";
    }
}
