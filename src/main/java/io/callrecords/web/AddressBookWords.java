package io.callrecords.web;

import io.callrecords.calls.CallRecord;
import io.callrecords.directory.Directory;

/**
 * The record's address-book match (call-records.md §3.9) in words, named from the account's address book: the
 * contact and the company by name when the book has them, "not in the address book" only when the record matched
 * neither. The call flow's contact party carries no id (the match is made when the record is derived), so the
 * flow names it from the record too.
 */
record AddressBookWords(Long contactId, Long companyId, Directory.Names book) {

    static final AddressBookWords NONE = new AddressBookWords(null, null, new Directory.Names(
            java.util.Map.of(), java.util.Map.of()));

    static AddressBookWords of(CallRecord r, Directory.Names book) {
        return new AddressBookWords(r.contactId(), r.companyId(), book);
    }

    /** The contact by name, else "contact 504"; null when the record matched no contact. */
    String contact() {
        if (contactId == null) {
            return null;
        }
        String name = book.contacts().get(contactId);
        return name != null ? name : "contact " + contactId;
    }

    /** The company by name, else "company 12"; null when the record matched no company. */
    String company() {
        if (companyId == null) {
            return null;
        }
        String name = book.companies().get(companyId);
        return name != null ? name : "company " + companyId;
    }

    /** The contact party: the contact, else a number of the company, else "a contact not in the address book". */
    String party() {
        if (contactId != null) {
            return contact();
        }
        return companyId != null ? "a number of " + company() : "a contact not in the address book";
    }
}
