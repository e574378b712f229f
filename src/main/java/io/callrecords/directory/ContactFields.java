package io.callrecords.directory;

import java.util.List;

/** What a client writes of a contact, validated: numbers are E.164, without duplicates, in the order given. */
record ContactFields(String name, String email, Long companyId, List<String> phoneNumbers) {

    ContactFields {
        phoneNumbers = List.copyOf(phoneNumbers);
    }
}
