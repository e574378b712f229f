package io.callrecords.calls;

import io.callrecords.calls.AddressBook.Match;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** An in-memory address book that answers like the directory should: contacts before companies (§3.9). */
final class TestAddressBook implements AddressBook {

    private final Map<String, Match> contactsByNumber = new HashMap<>();
    private final Map<Long, Match> contactsById = new HashMap<>();
    private final Map<String, Match> companiesByNumber = new HashMap<>();

    TestAddressBook contact(long id, Long companyId, String number) {
        Match match = Match.contact(id, companyId);
        contactsByNumber.put(number, match);
        contactsById.put(id, match);
        return this;
    }

    TestAddressBook company(long id, String number) {
        companiesByNumber.put(number, Match.company(id));
        return this;
    }

    @Override
    public Optional<Match> lookup(String e164Number) {
        return Optional.ofNullable(contactsByNumber.getOrDefault(e164Number, companiesByNumber.get(e164Number)));
    }

    @Override
    public Optional<Match> contact(long contactId) {
        return Optional.ofNullable(contactsById.get(contactId));
    }
}
