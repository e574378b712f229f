package io.callrecords.calls;

import io.callrecords.calls.EventDetail.Init;
import io.callrecords.directory.Directory;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The address book the derivation of a batch of calls sees: every number and contact the batch
 * can ask about, fetched from the directory in one go inside the deriving transaction, then
 * answered from memory.
 */
@Component
class AddressBooks {

    private final Directory directory;

    AddressBooks(Directory directory) {
        this.directory = directory;
    }

    AddressBook forCalls(long accountId, Collection<List<CallEvent>> calls) {
        Set<String> numbers = new HashSet<>();
        Set<Long> named = new HashSet<>();
        for (List<CallEvent> events : calls) {
            for (CallEvent event : events) {
                if (event.detail() instanceof Init init) {
                    // Either party may be the contact party (§3.9): ask for both; extensions are nobody's.
                    if (init.caller().number().startsWith("+")) {
                        numbers.add(init.caller().number());
                    }
                    if (init.callee().number().startsWith("+")) {
                        numbers.add(init.callee().number());
                    }
                    if (init.contactId() != null) {
                        named.add(init.contactId());
                    }
                }
            }
        }
        Map<String, Directory.NumberOwner> owners = directory.ownersOf(accountId, numbers);
        Map<Long, Directory.NumberOwner> contacts = directory.contacts(accountId, named);
        return new AddressBook() {
            @Override
            public Optional<Match> lookup(String e164Number) {
                return Optional.ofNullable(owners.get(e164Number)).map(AddressBooks::match);
            }

            @Override
            public Optional<Match> contact(long contactId) {
                return Optional.ofNullable(contacts.get(contactId)).map(AddressBooks::match);
            }
        };
    }

    private static AddressBook.Match match(Directory.NumberOwner owner) {
        return new AddressBook.Match(owner.contactId(), owner.companyId());
    }
}
