package io.callrecords.directory;

import java.util.List;

/** What a client writes of a company, validated: numbers are E.164, without duplicates, in the order given. */
record CompanyFields(String name, List<String> phoneNumbers) {

    CompanyFields {
        phoneNumbers = List.copyOf(phoneNumbers);
    }
}
