package io.callrecords.calls;

import io.callrecords.people.EntryKind;
import io.callrecords.people.EntryNames;
import java.util.Optional;

/**
 * The account's directory entries that a record's fields name by id ({@code number_id}, {@code channel_id},
 * {@code caller_id} of a user, {@code callee_id}, {@code user_id}, {@code voicemail_id}, {@code callback_user_id}),
 * for one names lookup over many records, and each of them read back.
 */
public final class RecordEntries {

    private RecordEntries() {}

    /** Adds every entry the record's fields name; a contact (the address book's) is not one. */
    public static EntryNames.Wanted addTo(EntryNames.Wanted wanted, CallRecord r) {
        wanted.add(EntryKind.NUMBER, r.numberId()).add(EntryKind.USER, r.userId())
                .add(EntryKind.VOICEMAIL_BOX, r.voicemailId()).add(EntryKind.USER, r.callbackUserId());
        channelKind(r.channelType()).ifPresent(kind -> wanted.add(kind, r.channelId()));
        endpointKind(r.callerType()).ifPresent(kind -> wanted.add(kind, r.callerId()));
        endpointKind(r.calleeType()).ifPresent(kind -> wanted.add(kind, r.calleeId()));
        return wanted;
    }

    /** The kind of entry a {@code channel_type} names: {@code number} today, an extension when one comes. */
    public static Optional<EntryKind> channelKind(String channelType) {
        return Optional.ofNullable(switch (channelType == null ? "" : channelType) {
            case "number" -> EntryKind.NUMBER;
            case "extension" -> EntryKind.EXTENSION;
            default -> null;
        });
    }

    /** The name of the record's calling party when it is an entry (a user); null otherwise or when unknown. */
    public static String callerName(CallRecord r, EntryNames names) {
        return endpointKind(r.callerType()).map(kind -> names.label(kind, r.callerId())).orElse(null);
    }

    /** The name of where the call was first sent (a team, a user, an IVR...); null for a contact or when unknown. */
    public static String calleeName(CallRecord r, EntryNames names) {
        return endpointKind(r.calleeType()).map(kind -> names.label(kind, r.calleeId())).orElse(null);
    }

    /** The name of the channel (an account number, an extension); null when there is none or it is unknown. */
    public static String channelName(CallRecord r, EntryNames names) {
        return channelKind(r.channelType()).map(kind -> names.label(kind, r.channelId())).orElse(null);
    }

    private static Optional<EntryKind> endpointKind(EndpointType type) {
        return type == null ? Optional.empty() : type.entryKind();
    }
}
