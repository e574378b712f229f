package io.callrecords.directory;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Who is behind a number, for the other modules (call derivation, call-records.md §3.9). Plain queries that join
 * the caller's transaction, if there is one, and so see what it sees.
 */
@Service
public class Directory {

    /**
     * The owner of a number: a contact (with the company it belongs to, if any), or a company alone.
     *
     * @param contactId the contact; null when only a company has the number
     * @param companyId the contact's company, or the company that has the number; null for a contact without one
     */
    public record NumberOwner(Long contactId, Long companyId) {}

    /** Names of contacts and of companies, keyed by their ids. */
    public record Names(Map<Long, String> contacts, Map<Long, String> companies) {

        public Names {
            contacts = Map.copyOf(contacts);
            companies = Map.copyOf(companies);
        }
    }

    private final DirectoryNumbers numbers;
    private final Contacts contacts;
    private final OwnerNames names;

    Directory(DirectoryNumbers numbers, Contacts contacts, OwnerNames names) {
        this.numbers = numbers;
        this.contacts = contacts;
        this.names = names;
    }

    /**
     * The owners of many E.164 numbers in one query, keyed by number: for each number someone has, the contact with
     * the lowest id that has it, else the company with the lowest id. Contacts win over companies; numbers nobody
     * has are absent from the map.
     */
    public Map<String, NumberOwner> ownersOf(long accountId, Collection<String> e164Numbers) {
        var wanted = e164Numbers.stream().filter(Objects::nonNull).distinct().toList();
        return wanted.isEmpty() ? Map.of() : numbers.owners(accountId, wanted);
    }

    /** The account's contact with this id, with its company's id; empty when the account has no such contact. */
    public Optional<NumberOwner> contact(long accountId, long contactId) {
        return Optional.ofNullable(contacts(accountId, List.of(contactId)).get(contactId));
    }

    /**
     * The account's contacts with these ids, each with its company's id, in one query, keyed by contact id; ids the
     * account has no contact for are absent from the map.
     */
    public Map<Long, NumberOwner> contacts(long accountId, Collection<Long> contactIds) {
        return contactIds.isEmpty() ? Map.of() : contacts.owners(accountId, contactIds);
    }

    /** The names of the account's contacts and companies with these ids, in one query; unknown ids are absent. */
    public Names names(long accountId, Collection<Long> contactIds, Collection<Long> companyIds) {
        return contactIds.isEmpty() && companyIds.isEmpty() ? new Names(Map.of(), Map.of())
                : names.of(accountId, contactIds, companyIds);
    }
}
