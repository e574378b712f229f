package io.callrecords.calls;

import java.util.Optional;

/**
 * The account's address book as the derivation sees it (call-records.md §3.9). Implementations must answer from
 * a fixed view of the data (a snapshot, or the live tables inside the deriving transaction) so that the
 * derivation stays a pure function of its inputs.
 */
public interface AddressBook {

    /** An address book that knows no one. */
    AddressBook EMPTY = number -> Optional.empty();

    /**
     * Who has this E.164 number: a contact if one has it (with the company it belongs to, if any), else a
     * company. Contacts win over companies (§3.9).
     */
    Optional<Match> lookup(String e164Number);

    /**
     * A contact by id, with the company it belongs to; used when {@code init} names the contact, so that its
     * company fills {@code company_id} too. Address books that cannot tell answer empty: the contact is then
     * taken without a company.
     */
    default Optional<Match> contact(long contactId) {
        return Optional.empty();
    }

    /**
     * A match: a contact (and maybe its company), or a company alone.
     *
     * @param contactId the matched contact; null when only a company matched
     * @param companyId the company of the contact, or the matched company
     */
    record Match(Long contactId, Long companyId) {

        public Match {
            if (contactId == null && companyId == null) {
                throw new IllegalArgumentException("a match is a contact or a company");
            }
        }

        public static Match contact(long contactId, Long companyId) {
            return new Match(contactId, companyId);
        }

        public static Match company(long companyId) {
            return new Match(null, companyId);
        }

        public RelatedType relatedType() {
            return contactId != null ? RelatedType.CONTACT : RelatedType.COMPANY;
        }

        /** The id of the {@link #relatedType()} entity. */
        public long relatedId() {
            return contactId != null ? contactId : companyId;
        }
    }
}
