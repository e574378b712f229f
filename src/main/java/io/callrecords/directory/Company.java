package io.callrecords.directory;

import java.time.Instant;
import java.util.List;

/** A company in the account's address book. */
record Company(long id, String name, List<String> phoneNumbers, Instant createdAt, Instant updatedAt) {

    Company {
        phoneNumbers = List.copyOf(phoneNumbers);
    }

    CompanyFields fields() {
        return new CompanyFields(name, phoneNumbers);
    }
}
