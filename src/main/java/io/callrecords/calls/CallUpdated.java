package io.callrecords.calls;

import java.util.UUID;

/**
 * An ended call's record changed (a late event, a callback linked, media attached), or what people wrote on it
 * (comments, tags, its disposition): the {@code call_updated} webhook. Published inside the transaction that wrote it.
 */
public record CallUpdated(long accountId, UUID uuid, Cause cause) {

    /**
     * What changed the record; {@code CALLBACK_LINKED}: its callback link was set, moved to another call or cleared;
     * {@code NOTES_CHANGED}: a comment was written, a tag added or removed, the disposition set or cleared.
     */
    public enum Cause { LATE_EVENT, CALLBACK_LINKED, IMPORTED, MEDIA_ATTACHED, NOTES_CHANGED }
}
