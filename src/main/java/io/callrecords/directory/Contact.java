package io.callrecords.directory;

import java.time.Instant;
import java.util.List;

/** A person in the account's address book; {@code companyId} is a company of the same account, or null. */
record Contact(long id, String name, String email, Long companyId, List<String> phoneNumbers,
               Instant createdAt, Instant updatedAt) {

    Contact {
        phoneNumbers = List.copyOf(phoneNumbers);
    }

    ContactFields fields() {
        return new ContactFields(name, email, companyId, phoneNumbers);
    }
}
