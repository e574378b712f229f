package io.callrecords.calls;

import java.util.Optional;

/**
 * The address-book side of a call (call-records.md §3.9): which party is the contact, and whom the account's
 * address book says it is.
 */
final class ContactParty {

    private ContactParty() {}

    /** The match of a call: {@code init.contact_id} if given, else the contact party's number looked up. */
    static Optional<AddressBook.Match> match(Direction direction, EventDetail.Init init, AddressBook addressBook) {
        if (init.contactId() != null) {
            // The platform named the contact: it wins. Its company, if the address book knows it, comes along.
            long id = init.contactId();
            return Optional.of(addressBook.contact(id)
                    .filter(match -> match.contactId() != null && match.contactId() == id)
                    .orElse(AddressBook.Match.contact(id, null)));
        }
        return party(direction, init)
                .map(EventDetail.Party::number)
                .filter(number -> number.startsWith("+")) // extensions are internal, never in the address book
                .flatMap(addressBook::lookup);
    }

    /** The caller of an inbound call, the callee of an outbound one; an internal call has no contact party. */
    static Optional<EventDetail.Party> party(Direction direction, EventDetail.Init init) {
        return switch (direction) {
            case INBOUND -> Optional.of(init.caller());
            case OUTBOUND -> Optional.of(init.callee());
            case INTERNAL -> Optional.empty();
        };
    }

    /**
     * The {@code caller_id} / {@code callee_id} of the contact party: the matched contact's id, or null when the
     * number is unknown. A contact party of another type (a user dialled in from outside, say) keeps its id.
     */
    static Long contactPartyId(EventDetail.Party party, Optional<AddressBook.Match> match) {
        return party.type() == EndpointType.CONTACT ? match.map(AddressBook.Match::contactId).orElse(null) : party.id();
    }
}
