package io.callrecords.media;

import io.callrecords.accounts.Caller;

/**
 * Who changed a call's audio, as the audit trail keeps it: the API key used and the person acting (a personal key has
 * both, a password session the person only, an account key the key only); neither when the service itself acted.
 */
record Actor(Long apiKeyId, Long userId) {

    static final Actor SERVICE = new Actor(null, null);

    static Actor of(Caller caller) {
        return new Actor(caller.apiKeyId(), caller.userId());
    }
}
